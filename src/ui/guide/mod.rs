//! The guide: what every figure of the week screen is, what moves it, and
//! its value in the run on screen; how a round is raised, what the
//! reporting lines do and what ends a run. One table ([`entries`]) holds the
//! words: help draws it, and `docs/guide.md` is generated from it
//! ([`markdown`]; a test fails when the two differ), so they cannot drift.

mod endings;
mod kinds;
mod rules;
mod screen;
mod values;
mod why;

use crate::engine::{Ending, Scenario};

pub use kinds::{Block, Entry, Now, Part};

/// The guide's table: every entry, in the order help shows them.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    screen::SCREEN.iter().chain(why::WHY).chain(rules::RULES)
}

/// The guide, part by part: every entry of [`entries`], then the endings of
/// `sc` (the scenario's own, with their conditions), with values when `now`
/// is a run.
pub fn sections(sc: &Scenario, now: Option<&Now>) -> Vec<(Part, Vec<Block>)> {
    Part::ALL
        .iter()
        .map(|&part| {
            let mut blocks: Vec<Block> = entries()
                .filter(|e| e.part == part)
                .map(|e| Block {
                    term: e.term.to_string(),
                    now: now.map(|n| (e.now)(n)),
                    paragraphs: vec![e.what.to_string(), format!("Moves: {}", e.moves)],
                })
                .collect();
            if part == Part::Endings {
                blocks.extend(endings::blocks(sc, now.map(|n| n.s)));
            }
            (part, blocks)
        })
        .collect()
}

/// The guide as Markdown, for `docs/guide.md`: every entry, and the endings
/// of the default scenario.
pub fn markdown() -> String {
    let sc = Scenario::builtin("default").expect("the built-in default scenario parses");
    let mut out = String::from(
        "# The guide: every figure of the week screen\n\n\
         <!-- Generated from src/ui/guide/ (the same table `?` shows in the game, \
         with each figure's value in the run on screen). Do not edit: run \
         `GUIDE_UPDATE=1 cargo test --release --test it guide` to regenerate. -->\n\n\
         Press `?` in the game, then `Tab`, for this guide with the values of the run \
         you are playing. The model behind it is [`model.md`](model.md).\n",
    );
    for (part, blocks) in sections(&sc, None) {
        out.push_str(&format!("\n## {}\n", part.title()));
        if part == Part::Endings {
            out.push_str(
                "\nThe endings below are the default scenario's; in the game the guide \
                 lists the loaded scenario's own, with their conditions.\n",
            );
        }
        for b in blocks {
            out.push_str(&format!("\n### {}\n\n", b.term));
            out.push_str(&b.paragraphs.join("\n\n"));
            out.push('\n');
        }
    }
    out
}

/// Whether the guide knows `label` (a word or phrase the screen draws) for
/// a run of `sc`: it is one of an entry's labels or its term, in any case, or
/// a figure one of the scenario's own endings reads (the goal line names
/// them), or an ending's title (the forecast and the warnings name them):
/// What ends a run lists both.
pub fn knows(label: &str, sc: &Scenario) -> bool {
    let label = label.trim().to_lowercase();
    // The forecast names a scenario's own ending by its id in words.
    let ending = |e: Ending| {
        sc.ending_title(e).to_lowercase() == label
            || sc.ending_id(e).replace('_', " ").to_lowercase() == label
    };
    entries().any(|e| e.term.to_lowercase() == label || e.labels.contains(&label.as_str()))
        || Ending::ALL.into_iter().any(ending)
        || (0..sc.endings.len())
            .filter_map(|i| u16::try_from(i).ok())
            .any(|i| ending(Ending::Custom(i)))
        || sc
            .endings
            .iter()
            .flat_map(|e| &e.when)
            .any(|c| endings::name(c).to_lowercase() == label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_words_and_labels_in_lower_case() {
        for e in entries() {
            assert!(!e.what.is_empty() && !e.moves.is_empty(), "{}", e.term);
            for l in e.labels {
                assert_eq!(*l, l.to_lowercase(), "{}", e.term);
            }
        }
    }

    #[test]
    fn every_part_has_entries() {
        let sc = Scenario::builtin("default").unwrap();
        for (part, blocks) in sections(&sc, None) {
            assert!(!blocks.is_empty(), "{part:?}");
        }
    }
}
