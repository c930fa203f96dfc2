//! entity-name-variant on generated misspellings of the built-in knowledge base's
//! own names: organizations and places of two words or more, and people named in
//! full elsewhere in the same article. Each slip (a letter dropped, doubled, two
//! swapped, one replaced by a keyboard neighbour; early or late in a word; a word's
//! plural inside a name) must be flagged; the name itself, its accepted spellings
//! and a plural of its last word must not. Each family prints recall and precision.
//! No family may give a false finding; each kind of name has a recall floor below
//! its measured figures, so a regression fails.

use std::collections::BTreeMap;

use claimcheck::kb;
use claimcheck::kb::{EntityType, Kb};

mod common;

/// The texts the entity-name-variant findings of one article point at.
fn flagged(kb: &Kb, body: &str) -> Vec<String> {
    common::primary_findings(kb, "2025-06-03", body)
        .into_iter()
        .filter(|(rule, _)| rule == "entity-name-variant")
        .map(|(_, text)| text)
        .collect()
}

/// A letter next to `c` on a QWERTY keyboard.
fn neighbour(c: char) -> Option<char> {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let low = c.to_ascii_lowercase();
    ROWS.iter().find_map(|r| {
        let i = r.find(low)?;
        let n = r
            .as_bytes()
            .get(i + 1)
            .or_else(|| r.as_bytes().get(i.checked_sub(1)?))?;
        Some(*n as char)
    })
}

/// The slips of a word at letter `i` (not the first letter: a name's capital stays).
fn slips(w: &str, i: usize) -> Vec<(&'static str, String)> {
    let c: Vec<char> = w.chars().collect();
    if i == 0 || i + 1 >= c.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let join = |v: Vec<char>| v.into_iter().collect::<String>();
    let mut v = c.clone();
    v.remove(i);
    out.push(("dropped", join(v)));
    let mut v = c.clone();
    v.insert(i, c[i]);
    out.push(("doubled", join(v)));
    if c[i] != c[i + 1] {
        let mut v = c.clone();
        v.swap(i, i + 1);
        out.push(("swapped", join(v)));
    }
    if let Some(n) = neighbour(c[i]) {
        let mut v = c.clone();
        v[i] = n;
        out.push(("keyboard", join(v)));
    }
    out
}

#[test]
fn generated_name_families() {
    let kb = kb::builtin().expect("built-in knowledge base");
    let known = |s: &str| !kb.lookup_name(s).is_empty();
    // (family, text, the form written, must flag)
    let mut cases: BTreeMap<String, Vec<(String, String, bool)>> = BTreeMap::new();
    for e in &kb.entities {
        let name = e.name.as_str();
        let words: Vec<&str> = name.split(' ').collect();
        let plain = name.is_ascii()
            && words.len() >= 2
            && name.len() >= 8
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_alphabetic()));
        if !plain {
            continue;
        }
        let kind = match e.kind {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            _ => "place",
        };
        // A site's operator, named beside it as news does ("BHP said work at …").
        let operator = e
            .operator
            .as_deref()
            .and_then(|o| kb.entity(o))
            .map(|o| o.name.clone());
        let sentence = |x: &str| match (e.kind, &operator) {
            // A person's slip counts where the article names the person too.
            (EntityType::Person, _) => {
                format!("{name} arrived on Monday. Later, {x} spoke to reporters.")
            }
            (_, Some(op)) => format!("{op} said work at {x} resumed on Monday."),
            _ => format!("Shares linked to {x} rose on Monday, traders said."),
        };
        let mut add = |family: String, x: String, flag: bool| {
            if flag && known(&x) {
                return; // another known name: never a slip
            }
            cases
                .entry(family)
                .or_default()
                .push((sentence(&x), x, flag));
        };
        add(format!("{kind}: the name"), name.to_string(), false);
        // The longest capitalized word that names (not Corporation, Limited, Mine)
        // carries the slip, early (second letter) and late.
        let generic = &claimcheck::text::lexicon().generic;
        let Some((k, w)) = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.starts_with(|c: char| c.is_uppercase()))
            .filter(|(_, w)| !generic.contains(&w.to_lowercase()))
            .max_by_key(|(_, w)| w.len())
            .map(|(k, w)| (k, *w))
        else {
            continue;
        };
        if w.len() < 5 {
            continue;
        }
        for (at, i) in [("early", 1), ("late", w.len() - 2)] {
            for (slip, x) in slips(w, i) {
                let mut v = words.clone();
                v[k] = &x;
                add(format!("{kind}: {slip} {at}"), v.join(" "), true);
            }
        }
        if e.kind != EntityType::Person && words.len() >= 3 {
            // A plural inside the name is a slip; of its last word, the name in the plural.
            let inner = words.len() - 2;
            if words[inner].len() >= 4
                && !words[inner].ends_with('s')
                && words[inner].starts_with(|c: char| c.is_uppercase())
            {
                let mut v = words.clone();
                let p = format!("{}s", words[inner]);
                v[inner] = &p;
                add(format!("{kind}: inner plural"), v.join(" "), true);
            }
            let last = words.len() - 1;
            if !words[last].ends_with('s') {
                let mut v = words.clone();
                let p = format!("{}s", words[last]);
                v[last] = &p;
                add(format!("{kind}: last word plural"), v.join(" "), false);
            }
        }
    }
    let mut bad = Vec::new();
    for (family, list) in &cases {
        let (mut tp, mut pos, mut fp, mut neg) = (0, 0, 0, 0);
        let mut misses = Vec::new();
        for (text, written, flag) in list {
            // A finding on the name's capitalized part counts ("Mountan Pass" of
            // "Mountan Pass mine").
            let got = flagged(&kb, text)
                .iter()
                .any(|t| !t.is_empty() && written.contains(t.as_str()));
            if *flag {
                pos += 1;
                tp += usize::from(got);
            } else {
                neg += 1;
                fp += usize::from(!flagged(&kb, text).is_empty());
            }
            if got != *flag && misses.len() < 40 {
                misses.push(text.clone());
            }
        }
        let (recall, _) = common::family_score(family, tp, pos, fp, neg);
        // No false finding anywhere; recall floors per kind of name, below the
        // measured figures (people 0.97-1.00, organizations 0.84-0.98, places
        // 0.88-0.99 since a site's capitalized head is compared beside its operator,
        // "Sttillwater magnet manufacturing facility"; a place's inner plural 0.55 of
        // 11: runs under six letters are never compared).
        let floor = match (family.split(':').next(), family.ends_with("inner plural")) {
            (Some("person"), _) => 0.93,
            (Some("organization"), _) => 0.8,
            (_, true) => 0.5,
            _ => 0.85,
        };
        if fp > 0 || recall < floor {
            bad.push(format!(
                "{family}: recall {recall:.3}: {}",
                misses.join(" | ")
            ));
        }
    }
    if std::env::var_os("NAMES_MISSES").is_some() {
        for (family, list) in &cases {
            for (text, written, flag) in list {
                if *flag
                    && !flagged(&kb, text)
                        .iter()
                        .any(|t| written.contains(t.as_str()))
                {
                    eprintln!("MISS {family}: {text}");
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "families below their floor:\n{}",
        bad.join("\n")
    );
}
