//! acronym-expansion-mismatch on generated definitions, over the built-in knowledge
//! base's own organizations with acronyms: each written "Long Name (ACR)" and "ACR
//! (Long Name)" through families that must be flagged (a word of the name swapped
//! for another body word, a word dropped, another known body's name) and families
//! that must not (the name itself, its British spelling, a hyphen or "&" variant,
//! "the" and a possessive, a place before it, words read before it (a possessive,
//! a sentence's first word, a list), another body whose initials spell the
//! acronym and whose words are none of the name's). Each family prints its recall
//! and precision; every family must score 1.0.

use std::collections::BTreeMap;

use claimcheck::kb;
use claimcheck::kb::{EntityType, Kb};

mod common;

/// Checks one article; whether an acronym finding is reported on the definition.
fn flagged(kb: &Kb, body: &str) -> bool {
    common::full_findings(kb, "2025-06-03", body)
        .iter()
        .any(|(rule, _, _)| rule == "acronym-expansion-mismatch")
}

/// Words a body's name is often built of: swapped into a name, they make another.
const BODY_WORDS: &[&str] = &[
    "Association",
    "Foundation",
    "Council",
    "Institute",
    "Agency",
    "Bureau",
    "Union",
];

/// Capitalized words by first letter, for names of other bodies with the same initials.
fn word_for(c: char) -> Option<&'static str> {
    const WORDS: &[&str] = &[
        "Amber", "Blue", "Copper", "Delta", "Eagle", "Falcon", "Granite", "Harbor", "Ivory",
        "Juniper", "Kestrel", "Lantern", "Maple", "Nimbus", "Orchid", "Pioneer", "Quartz", "Raven",
        "Summit", "Tundra", "Umber", "Violet", "Willow", "Xenon", "Yarrow", "Zephyr",
    ];
    WORDS
        .iter()
        .copied()
        .find(|w| w.starts_with(c.to_ascii_uppercase()))
}

/// The name with each word the lexicon spells another way in that spelling.
fn british(name: &str) -> String {
    let spelling = &claimcheck::text::lexicon().spelling;
    name.split(' ')
        .map(|w| {
            let low = w.to_lowercase();
            match spelling.iter().find(|(_, base)| **base == low) {
                Some((other, _)) if w.starts_with(char::is_uppercase) => {
                    let mut c = other.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                }
                Some((other, _)) => other.clone(),
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn generated_acronym_families() {
    let kb = kb::builtin().expect("built-in knowledge base");
    let orgs: Vec<_> = kb
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Organization)
        .filter_map(|e| {
            // Acronyms as texts write them: mostly capitals ("IMF", "BoE"), not short names.
            let acr = e.acronyms.iter().find(|a| {
                let upper = a.chars().filter(|c| c.is_ascii_uppercase()).count();
                upper >= 2 && upper * 2 >= a.len() && a.chars().all(|c| c.is_ascii_alphanumeric())
            })?;
            // One body per acronym: a shared acronym is right with either name.
            let owners = kb
                .entities
                .iter()
                .filter(|x| x.acronyms.contains(acr))
                .count();
            // Bodies' names, not terms ("lithium iron phosphate").
            let plain = e.name.is_ascii()
                && !e.name.contains('(')
                && e.name.starts_with(|c: char| c.is_uppercase())
                && e.name.split(' ').count() >= 2;
            (owners == 1 && plain).then_some((e, acr.clone()))
        })
        .collect();
    assert!(orgs.len() >= 40, "{} organizations", orgs.len());
    // A place's adjective to put before a name ("American Food and Drug Administration").
    let place = kb
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place)
        .flat_map(|e| &e.adjectives)
        .find(|a| a.is_ascii() && !a.contains('\''))
        .expect("a place adjective");
    let possessive = kb
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place)
        .flat_map(|e| &e.adjectives)
        .find(|a| a.is_ascii() && a.ends_with("'s"))
        .expect("a place possessive");
    let mut cases: BTreeMap<&str, Vec<(String, bool)>> = BTreeMap::new();
    let both = |long: &str, acr: &str| {
        [
            format!("The report was written by the {long} ({acr}) last week."),
            format!("Officials at the {acr} ({long}) declined to comment."),
        ]
    };
    for (k, (e, acr)) in orgs.iter().enumerate() {
        let name = e.name.strip_prefix("The ").unwrap_or(&e.name);
        let words: Vec<&str> = name.split(' ').collect();
        let mut add = |family: &'static str, long: String, flag: bool| {
            for text in both(&long, acr) {
                cases.entry(family).or_default().push((text, flag));
            }
        };
        add("the name", name.to_string(), false);
        if british(name) != name {
            add("british spelling", british(name), false);
        }
        if name.contains(" and ") {
            add("& for and", name.replace(" and ", " & "), false);
        }
        if !name.starts_with(place.as_str()) {
            add("place before", format!("{place} {name}"), false);
        }
        // A word swapped for a body word the name does not have.
        let last = words.len() - 1;
        if let Some(w) = BODY_WORDS.iter().find(|w| !words.contains(w)) {
            let mut v = words.clone();
            v[last] = w;
            add("word swapped", v.join(" "), true);
        }
        // A middle word dropped (the first may be a place that qualifies the name).
        if words.len() >= 3 {
            let connector = |w: &str| w.starts_with(|c: char| c.is_lowercase());
            let k = if connector(words[1]) {
                words.len() - 2
            } else {
                1
            };
            if !connector(words[k]) {
                let v: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != k)
                    .map(|(_, w)| *w)
                    .collect();
                add("word dropped", v.join(" "), true);
            }
        }
        // Another known body's name.
        let (other, _) = orgs[(k + 7) % orgs.len()];
        if other.id != e.id {
            add("another known body", other.name.clone(), true);
        }
        // Another body with the same initials and none of the name's words.
        let letters: Option<Vec<&str>> = acr
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .map(word_for)
            .collect();
        if let Some(l) = letters
            && l.len() >= 2
            && !l.iter().any(|w| words.contains(w))
        {
            add("another body, same initials", l.join(" "), false);
        }
        // Words read before the name: a possessive that qualifies it, a sentence's
        // first word, a list or another name before it.
        for long in [
            format!("{possessive} {name}"),
            format!("Even the {name}"),
            format!("Brazil, Chile and the {name}"),
            format!("Acme and {name}"),
        ] {
            cases
                .entry("words before the name")
                .or_default()
                .push((format!("{long} ({acr}) said little."), false));
        }
    }
    // A place before an acronym in brackets is a dateline or a location, not an
    // expansion: "Washington (AP) -", "Ohio (IMF)"; two places, one unknown acronym.
    let places: Vec<&str> = kb
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place && e.name.is_ascii())
        .filter(|e| !e.acronyms.iter().any(|a| orgs.iter().any(|(_, x)| x == a)))
        .map(|e| e.name.as_str())
        .collect();
    for (k, p) in places.iter().enumerate() {
        let (_, acr) = &orgs[k % orgs.len()];
        let q = places[(k + 7) % places.len()];
        for text in [
            format!("{p} ({acr}) - Officials said on Tuesday that talks would resume."),
            format!("{p} (ZQX) - Talks resumed. {q} (ZQX) - Officials met again."),
        ] {
            cases
                .entry("place before the acronym")
                .or_default()
                .push((text, false));
        }
    }
    let mut bad = Vec::new();
    for (family, list) in &cases {
        let (mut tp, mut pos, mut fp, mut neg) = (0, 0, 0, 0);
        let mut misses = Vec::new();
        for (text, flag) in list {
            let got = flagged(&kb, text);
            if *flag {
                pos += 1;
                tp += usize::from(got);
            } else {
                neg += 1;
                fp += usize::from(got);
            }
            if got != *flag && misses.len() < 3 {
                misses.push(text.clone());
            }
        }
        common::family_score(family, tp, pos, fp, neg);
        if !misses.is_empty() {
            bad.push(format!("{family}: {}", misses.join(" | ")));
        }
    }
    assert!(bad.is_empty(), "families below 1.0:\n{}", bad.join("\n"));
}
