//! The knowledge base's Latin names as `entity-name-variant` compares them: each
//! name's words, normalized, indexed by their first three letters (one-word names by
//! their last three too). Built once per
//! knowledge base (`Kb::names`).

use foldhash::{HashMap, HashMapExt, HashSetExt};

use super::Kb;
use crate::text::{is_cjk, lexicon};

pub struct Names {
    /// Each Latin name's words, normalized, with its entity.
    pub names: Vec<(usize, Vec<String>)>,
    /// By a name's number of words, first three letters of a word → the names that
    /// have it: a written run is only ever like a name of as many words.
    pub index: Vec<HashMap<String, Vec<usize>>>,
    /// Last three letters → the one-word names that end so: a slip in a one-word
    /// name's first letters ("Akhiito", "Lgencore") still finds it.
    pub ends: HashMap<String, Vec<usize>>,
    /// The titles of the offices each person held (lower case): the context that
    /// makes a near-miss of a person's name a misspelling of that person.
    pub titles: HashMap<usize, Vec<String>>,
    /// Entries of `names` that are a site's capitalized head, not a name of it: they
    /// count only where the source names the site's operator.
    pub heads: foldhash::HashSet<usize>,
    /// The words of office titles ("minister", "secretary", "governor"), lower case:
    /// a written word of these is a title, never a slip of a name's word ("Minister
    /// of External Affairs" is not the Ministry).
    pub title_words: foldhash::HashSet<String>,
}

impl Names {
    pub fn new(kb: &Kb) -> Names {
        let mut names: Vec<(usize, Vec<String>)> = kb
            .all_names()
            .filter(|(_, n)| !n.chars().any(is_cjk))
            .map(|(e, n)| (e, norm_words(n)))
            .collect();
        // A site's name with descriptor words ("Stillwater magnet manufacturing
        // facility") is written by its capitalized head as often as whole: the head
        // is compared too, where the source names the operator (`heads`).
        let mut heads = foldhash::HashSet::new();
        let mut have: foldhash::HashSet<(usize, Vec<String>)> = names.iter().cloned().collect();
        for (e, n) in kb.all_names().filter(|(_, n)| !n.chars().any(is_cjk)) {
            if kb.entities[e].kind != super::EntityType::Place || kb.entities[e].operator.is_none()
            {
                continue;
            }
            let head: Vec<&str> = n
                .split(' ')
                .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
                .collect();
            let words = norm_words(&head.join(" "));
            if !words.is_empty() && have.insert((e, words.clone())) {
                heads.insert(names.len());
                names.push((e, words));
            }
        }
        let longest = names.iter().map(|(_, w)| w.len()).max().unwrap_or(0);
        let mut index: Vec<HashMap<String, Vec<usize>>> = vec![HashMap::new(); longest + 1];
        let mut ends: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, (_, words)) in names.iter().enumerate() {
            for w in words {
                let by_prefix = &mut index[words.len()];
                by_prefix.entry(prefix(w).to_string()).or_default().push(k);
            }
            if let [w] = words.as_slice() {
                ends.entry(suffix(w).to_string()).or_default().push(k);
            }
        }
        let mut titles: HashMap<usize, Vec<String>> = HashMap::new();
        for o in &kb.offices {
            for t in &o.holders {
                if let Some(&e) = kb.entity_index.get(&t.person) {
                    let v = titles.entry(e).or_default();
                    v.extend(o.titles.iter().chain(&o.aliases).map(|t| t.to_lowercase()));
                }
            }
        }
        // Words of a title that are also words of a name ("Europe" of "Minister for
        // Europe") say nothing.
        let name_words: foldhash::HashSet<&String> = names.iter().flat_map(|(_, ws)| ws).collect();
        let title_words = kb
            .offices
            .iter()
            .flat_map(|o| o.titles.iter().chain(&o.aliases))
            .flat_map(|t| t.split_whitespace())
            .map(str::to_lowercase)
            .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
            .filter(|w| !name_words.contains(w))
            .collect();
        Names {
            names,
            index,
            ends,
            titles,
            heads,
            title_words,
        }
    }
}

/// A name's words, lower case, without possessive `'s` and without the generic words
/// (`Mine`, `Inc`, `Group`) a variant may add or drop.
pub fn norm_words(s: &str) -> Vec<String> {
    let generic = &lexicon().generic;
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '"')
        .map(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
                .to_lowercase();
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .map(str::to_string)
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty() && !generic.contains(w))
        .collect()
}

/// A word's first three characters: what the name index is keyed by.
pub fn prefix(w: &str) -> &str {
    w.char_indices().nth(3).map_or(w, |(i, _)| &w[..i])
}

/// A word's last three characters: what the one-word name index is keyed by.
pub fn suffix(w: &str) -> &str {
    let n = w.chars().count();
    w.char_indices()
        .nth(n.saturating_sub(3))
        .map_or(w, |(i, _)| &w[i..])
}
