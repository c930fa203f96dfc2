//! `check DRAFT --against INDEX…`: the draft side, plus the archive claims that
//! share a key with its claims, run through `rules::run` like any run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::format::{fingerprint, from_days};
use super::keys::asked_keys;
use super::read::{Index, Rebuilt, lang};
use crate::Error;
use crate::claims::Claim;
use crate::kb::Kb;
use crate::read::{File, Source};
use crate::rules::{self, Ctx, Days, Finding};

/// The findings that involve the first `drafts` sources (archive sources at a path
/// in `replaced` are left out), with the same places,
/// values and order as a run over the archive's articles. Each index's sources are
/// appended to `sources` (its files rebuilt into `files` where a finding places),
/// and the finding places point there. Returns the findings and the number of
/// archive claims.
pub fn check(
    kb: &Kb,
    reference_date: Option<NaiveDate>,
    indexes: &[PathBuf],
    (drafts, replaced): (usize, &BTreeSet<String>),
    files: &mut Vec<File>,
    sources: &mut Vec<Source>,
    claims: &[Claim],
) -> Result<(Vec<Finding>, usize), Error> {
    let fp = fingerprint(kb, reference_date);
    let mut opened = indexes
        .iter()
        .map(|p| Index::open(p, fp))
        .collect::<Result<Vec<_>, _>>()?;
    let latest = sources
        .iter()
        .filter_map(|s| s.date)
        .chain(
            opened
                .iter()
                .filter_map(|x| x.header.latest.and_then(from_days)),
        )
        .max();
    let keys = asked_keys(kb, claims.iter().filter(|c| c.source < drafts), |c| Days {
        date: sources.get(c.source).and_then(|s| s.date),
        latest,
    });
    // Sources without stored text point at an empty file.
    let empty = files.len();
    files.push(File::plain(String::new(), String::new()));

    // The run: the draft side, then per index the sources its loaded claims are in
    // (and its latest-dated one: the rules read the run's latest date). An archive
    // source's entity counts are the index's: its mentions are not all loaded.
    let local = sources.len();
    let mut run_sources = sources.clone();
    let mut run_claims = claims.to_vec();
    let mut run_mentions = rules::mentions(local, claims);
    // Per run source after the local ones: (its index, its source number there).
    let mut origin: Vec<(usize, usize)> = Vec::new();
    let mut langs_all: Vec<Vec<&'static str>> = Vec::new();
    for (k, ix) in opened.iter_mut().enumerate() {
        let langs: Vec<&'static str> = ix.meta.langs.iter().map(|l| lang(l)).collect();
        let mut loaded: BTreeMap<usize, Vec<Claim>> = BTreeMap::new();
        for r in ix.claims(&keys)? {
            loaded.entry(r.claim.source).or_default().push(r.claim);
        }
        if let Some(n) = ix.header.newest {
            loaded.entry(n as usize).or_default();
        }
        for (i, cs) in loaded {
            let at = run_sources.len();
            let s = ix
                .source(i, empty, &langs, false)
                .ok_or_else(|| ix.err("corrupt claim index (sources)"))?;
            // The saved copy of a text read from standard input (an editor's
            // buffer): the text replaces it.
            if replaced.contains(&crate::read::normalize(std::path::Path::new(&s.path))) {
                continue;
            }
            run_sources.push(s);
            run_mentions.push(ix.mentions(i)?);
            run_claims.extend(cs.into_iter().map(|c| Claim { source: at, ..c }));
            origin.push((k, i));
        }
        langs_all.push(langs);
    }

    let mut findings = {
        let draft = Ctx::new(kb, files, sources, claims);
        let run = Ctx::with_mentions(kb, files, &run_sources, &run_claims, run_mentions);
        rules::run(&draft, &run)
    };
    findings.retain(|f| f.places.iter().any(|p| p.source < drafts));

    // Places in the archive: the index's source numbers after the draft side, and the
    // files they are in rebuilt from their stored lines.
    // Where each place is in the run, kept while places are renumbered index by index.
    let in_run: Vec<Vec<usize>> = findings
        .iter()
        .map(|f| f.places.iter().map(|p| p.source).collect())
        .collect();
    let origin_of = |at: usize| at.checked_sub(local).and_then(|a| origin.get(a)).copied();
    let mut base = local;
    let mut archive_claims = 0usize;
    for (k, ix) in opened.iter_mut().enumerate() {
        let n = ix.meta.sources.len();
        let mut needed: BTreeSet<usize> = BTreeSet::new();
        for &at in in_run.iter().flatten() {
            if let Some((of, i)) = origin_of(at)
                && of == k
            {
                needed.insert(ix.file_of(i)?);
            }
        }
        let mut rebuilt: BTreeMap<usize, (usize, Rebuilt)> = BTreeMap::new();
        for f in needed {
            let r = ix.rebuild(f)?;
            rebuilt.insert(f, (files.len() + rebuilt.len(), r));
        }
        for (f, runs) in findings.iter_mut().zip(&in_run) {
            for (p, &at) in f.places.iter_mut().zip(runs) {
                let Some((of, i)) = origin_of(at) else {
                    continue;
                };
                if of != k {
                    continue;
                }
                let file = ix.file_of(i)?;
                p.source = base + i;
                // Every place is in a stored claim's lines.
                p.span = rebuilt
                    .get(&file)
                    .and_then(|(_, r)| r.span(&p.span))
                    .ok_or_else(|| ix.err("corrupt claim index (text)"))?;
            }
        }
        for i in 0..n {
            let file = ix.file_of(i)?;
            let mut s = ix
                .source(i, empty, &langs_all[k], true)
                .ok_or_else(|| ix.err("corrupt claim index (sources)"))?;
            s.range = match rebuilt.get(&file) {
                Some((at, r)) => {
                    s.file = *at;
                    r.range(&s.range)
                }
                None => 0..0,
            };
            sources.push(s);
        }
        // Numbered in file order above, so they go in in that order.
        files.extend(rebuilt.into_values().map(|(_, r)| r.file));
        base += n;
        archive_claims += ix.header.claims as usize;
    }
    Ok((findings, archive_claims))
}
