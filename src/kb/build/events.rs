//! Dated events.

use super::Files;
use super::entities::refer;
use crate::Error;
use crate::kb::docs::{At, Docs};
use crate::kb::{Event, Kb};

pub(super) fn build(fs: &Files, docs: &Docs, kb: &mut Kb) -> Result<(), Error> {
    for At { file, item: e } in &docs.events {
        let file = *file;
        let mut subjects = Vec::new();
        for s in &e.subjects {
            subjects.push(refer(fs, kb, file, "subject", s, None)?);
        }
        // Without a topic, any date its subjects and event word share would be taken
        // for it ("the US and Australia signed a defence pact on October 21").
        if e.topic.get_ref().is_empty() {
            return fs.err(
                file,
                e.topic.span(),
                "an event needs `topic`: words of what it is about, one of which a date's sentence must write".into(),
            );
        }
        kb.events.push(Event {
            id: fs.id(file, &e.id)?,
            name: fs.text(file, "name", &e.name)?,
            subjects,
            terms: fs.texts(file, "term", &e.terms)?,
            topic: fs.texts(file, "topic", e.topic.get_ref())?,
            date: fs.day(file, "date", &e.date)?,
            source: fs.source(file, &e.source)?,
            examples: fs.examples(file, &e.examples)?,
        });
    }
    Ok(())
}
