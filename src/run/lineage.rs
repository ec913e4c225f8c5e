//! A fork's parent, looked for in the history: a run of the same scenario
//! (by its text's hash) and seed that played the same decisions up to the
//! fork week and was, at some week from then on, the run the fork names (by
//! the state hash of its last week when the fork was made). A fork whose
//! parent is edited, or gone, is shown as "parent not found".

use super::index::{Entry, Lineage};
use super::record::RunRecord;
use super::store::load;
use super::summary::{decisions_digest, Facts, Summary};
use crate::engine::hash::StateHasher;

/// Find the parent of every fork in `runs` (files `entries`, at the same
/// positions), reusing `old` answers whose candidates have not changed.
/// Returns the answer for each run (`None` for a run that is no fork).
pub fn resolve(
    runs: &mut [Summary],
    entries: &[Entry],
    old: &[Option<Lineage>],
) -> Vec<Option<Lineage>> {
    let mut answers = vec![None; runs.len()];
    for i in 0..runs.len() {
        let fork = &runs[i].facts;
        if fork.parent.is_none() || fork.error.is_some() {
            continue;
        }
        let candidates = candidates(runs, i);
        let key = key(entries, i, &candidates);
        let parent = match &old[i] {
            Some(l) if l.candidates == key => l.parent.clone(),
            _ => candidates
                .iter()
                .find(|&&j| load(&entries[j].path).is_ok_and(|p| is_parent(&p, &runs[i].facts)))
                .map(|&j| entries[j].file.clone()),
        };
        runs[i].parent_file = parent.clone();
        answers[i] = Some(Lineage {
            candidates: key,
            parent,
        });
    }
    answers
}

/// The runs that could be the parent of fork `i`, the likeliest first (the
/// one whose last week the fork names).
fn candidates(runs: &[Summary], i: usize) -> Vec<usize> {
    let fork = &runs[i].facts;
    let Some(parent) = &fork.parent else {
        return Vec::new();
    };
    let mut found: Vec<usize> = (0..runs.len())
        .filter(|&j| j != i && could_be_parent(&runs[j].facts, fork, parent.week))
        .collect();
    found.sort_by_key(|&j| runs[j].facts.last_hash != parent.run);
    found
}

/// Whether `p` agrees with `fork` on all that is known without reading it.
fn could_be_parent(p: &Facts, fork: &Facts, week: u32) -> bool {
    // Marks are the hashes after weeks 1, 2, 4…: those up to the fork week
    // are shared.
    let shared = (u32::BITS - week.leading_zeros()) as usize;
    p.error.is_none()
        && p.scenario_hash == fork.scenario_hash
        && p.seed == fork.seed
        && p.weeks >= week as usize
        && p.marks.get(..shared) == fork.marks.get(..shared)
}

/// Whether the run `p` is the parent of `fork`: the same decisions up to the
/// fork week, and the hash the fork names is one of `p`'s from then on.
fn is_parent(p: &RunRecord, fork: &Facts) -> bool {
    let Some(parent) = &fork.parent else {
        return false;
    };
    let week = parent.week as usize;
    let named = if p.weeks.is_empty() {
        parent.run == 0
    } else {
        p.weeks[week.saturating_sub(1)..]
            .iter()
            .any(|w| w.hash == parent.run)
    };
    named && Some(decisions_digest(&p.weeks, parent.week)) == fork.fork_digest
}

/// A digest of fork `i`'s identity and its candidates' names and identities.
fn key(entries: &[Entry], i: usize, candidates: &[usize]) -> u64 {
    let mut h = StateHasher::new();
    let mut add = |e: &Entry| {
        h.bytes(e.file.as_bytes());
        for n in [
            e.id.len,
            e.id.modified,
            e.id.changed,
            e.id.inode,
            e.id.device,
        ] {
            h.u64(n);
        }
    };
    add(&entries[i]);
    for &j in candidates {
        add(&entries[j]);
    }
    h.finish()
}
