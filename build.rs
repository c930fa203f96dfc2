//! Lists the repository's `rules/*.toml` so that `kb::builtin` can compile them
//! into the binary (the default knowledge base, usable from any directory).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let rules = manifest.join("rules");
    let mut names: Vec<String> = match fs::read_dir(&rules) {
        Ok(dir) => dir
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
            // The language lexicon is not knowledge-base data: `text::lexicon` reads it.
            .filter(|p| !p.ends_with("lexicon.toml"))
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    let mut out = String::from("/// `(path, text)` of every built-in rule file, sorted by path.\n");
    out.push_str("static BUILTIN_RULES: &[(&str, &str)] = &[\n");
    for name in &names {
        let full = rules.join(name);
        // Each file also triggers a rebuild when it changes (not only when one is added).
        println!("cargo:rerun-if-changed={}", full.display());
        out.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("rules/{name}"),
            full.to_string_lossy()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("builtin_rules.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
