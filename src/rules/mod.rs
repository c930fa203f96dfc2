//! The rules engine: one module a rule family.
