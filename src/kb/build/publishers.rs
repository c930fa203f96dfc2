//! News outlets and the countries they report from.

use super::Files;
use super::entities::refer;
use crate::Error;
use crate::kb::docs::{At, Docs};
use crate::kb::{EntityType, Kb, fold_name};

pub(super) fn build(fs: &Files, docs: &Docs, kb: &mut Kb) -> Result<(), Error> {
    for At { file, item: p } in &docs.publishers {
        let file = *file;
        fs.id(file, &p.id)?;
        fs.source(file, &p.source)?;
        let country = refer(fs, kb, file, "country", &p.country, Some(EntityType::Place))?;
        let country = kb.entity_index[&country];
        if p.names.get_ref().is_empty() {
            return fs.err(
                file,
                p.names.span(),
                "a publisher needs `names`: how its bylines write it".into(),
            );
        }
        for n in p.names.get_ref() {
            let name = fs.text(file, "name", n)?;
            // One byline name, one country: a name two outlets share names neither.
            if let Some(&other) = kb.publishers.get(&fold_name(&name))
                && other != country
            {
                return fs.err(
                    file,
                    n.span(),
                    format!("publisher name \"{name}\" is given another country elsewhere"),
                );
            }
            kb.publishers.insert(fold_name(&name), country);
        }
    }
    Ok(())
}
