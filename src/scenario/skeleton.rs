//! `cto-sim new NAME`: a commented scenario with every section, for an author
//! to start from. It loads, checks clean and plays as written.

use crate::engine::params::Params;

/// Most characters of a new scenario's file name.
pub const MAX_NAME: usize = 64;

/// Why `name` cannot name a new scenario file, if it cannot: a file name
/// in the scenario folder is lowercase letters, digits, `_` and `-`.
pub fn refuse_name(name: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-';
    if name.is_empty() || name.len() > MAX_NAME || !name.chars().all(allowed) {
        Some(format!(
            "{name:?} cannot name a scenario file\n    hint: use up to {MAX_NAME} lowercase letters, digits, `_` and `-`, e.g. `cto-sim new my_startup`"
        ))
    } else if super::BUILTIN.iter().any(|(n, _)| *n == name) {
        Some(format!(
            "'{name}' is a built-in scenario's name\n    hint: pick another name, e.g. `cto-sim new my_{name}`"
        ))
    } else {
        None
    }
}

/// The scenario's title for `name`: `my_startup` → "My startup".
fn title(name: &str) -> String {
    let words = name.replace(['_', '-'], " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// Every model parameter with its default, as commented-out RON lines
/// indented for the `params` section.
fn params_comment() -> String {
    let pretty = ron::ser::PrettyConfig::default().indentor("    ");
    let text = ron::ser::to_string_pretty(&Params::default(), pretty).unwrap_or_default();
    let inner = text
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or("");
    inner
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("        // {}\n", l.strip_prefix("    ").unwrap_or(l)))
        .collect()
}

/// The commented skeleton of a scenario called `name` (a file name without
/// `.ron`, as [`refuse_name`] allows).
pub fn skeleton(name: &str) -> String {
    TEMPLATE
        .replace("{NAME}", name)
        .replace(
            "{NAME_FIELD}",
            &format!("{:<26}", format!("name: \"{}\",", title(name))),
        )
        .replace("{TITLE}", &title(name))
        .replace("{PARAMS}\n", &params_comment())
}

const TEMPLATE: &str = r#"// {TITLE}: a scenario for cto-sim. Every field is explained in the
// authors' reference, docs/scenario-format.md.
//
//   cto-sim check {NAME}      checks this file: syntax, values, a short simulation
//   cto-sim play {NAME}       plays it
//   cto-sim balance {NAME}    how every bot and a grid of fixed policies fare
//
// Fields with a default can be left out; `//` starts a comment.
(
    version: 1,                // the format version this file is written for
    {NAME_FIELD} // shown in lists (1–80 characters)
    description: "Describe your company in a sentence or two: the picker shows it.",
    difficulty: 2,             // 1–5, for the picker
    horizon_weeks: 312,        // weeks until the run ends with time_up (1–1040)

    // The company on day one; the values below are the defaults.
    start: (
        stage: Seed,           // Seed, SeriesA, SeriesB, SeriesC or Growth
        cash: 3200000.0,       // dollars in the bank
        arr: 150000.0,         // annual recurring revenue, dollars
        fit: 0.3,              // product-market fit, 0–1 (write 0.3 for 30%)
        alignment: 0.5,        // how well technology fits the business, 0–1
        debt: 10.0,            // technical debt, feature points of rework
        codebase: 100.0,       // feature points shipped so far
        morale: 0.7,           // engineering morale, 0–1
        engineers: 3,          // experienced individual contributors
        managers: 0,           // engineering managers
        vps: [],               // VPs in place: Cto, Ceo(forum: false) or Ceo(forum: true)
        background: Visionary, // Genius, PeopleLeader, Visionary, BigThinker or External
        credits: 0.5,          // political capital, 0–1
    ),

    // Model numbers. Every one below is commented out and shows its default:
    // to change one, uncomment it and its group's `name: (` and `),` lines.
    params: (
{PARAMS}
    ),

    // Your own win and lose conditions, checked after the built-in endings
    // (out of cash, fired, puppet, 10x programmer) and before an IPO.
    endings: [
        (
            id: "profitable",
            title: "Profitable before the money ran out.",
            outcome: Win,      // Win or Loss
            when: [
                (metric: runway_months, op: at_least, value: 999),
                (metric: arr, op: at_least, value: 10000000.0),
            ],
            for_weeks: 4,      // all conditions hold this many weeks in a row
        ),
        (
            id: "burnout",
            title: "The team burned out.",
            outcome: Loss,
            when: [(metric: morale, op: below, value: 0.2)],
            for_weeks: 8,
            score_factor: 0.2, // multiplies the score (default 1 for a win, 0.3 for a loss)
        ),
    ],

    // The event deck: at the end of each week, each event whose conditions
    // hold fires with its chance; the player answers in the next week.
    events: [
        (
            id: "big_client",
            title: "A big client wants a custom feature",
            text: "They would pay well for it, but it takes some of your {engineers} engineers off the product.",
            when: [(metric: week, op: at_least, value: 8)],
            chance: 0.1,       // weekly chance while the conditions hold
            cooldown_weeks: 26, // weeks before it may fire again
            choices: [
                (label: "Build it for them", effects: [
                    Change(metric: cash, by: 100000.0),
                    Spread(metric: alignment, by: -0.04, weeks: 8),
                ]),
                (label: "Decline", effects: [
                    Change(metric: credits, by: -0.02),
                    FollowUp(event: "client_returns", weeks: 6),
                ]),
            ],
            default_choice: 0, // what happens when the CTO does not answer
        ),
        (
            id: "client_returns",
            title: "The client comes back",
            text: "They found the feature elsewhere, and it did not fit. ARR is {arr}.",
            follow_up_only: true, // fires only as another event's follow-up
            choices: [
                (label: "Welcome them back", effects: [Change(metric: arr, by: 50000.0)]),
            ],
        ),
        (
            id: "first_manager",
            title: "An engineer wants to lead",
            text: "With {engineers} engineers, one of them asks for a team.",
            when: [(metric: engineers, op: at_least, value: 8)],
            once: true,        // at most once per run
            choices: [
                (label: "Give her a team", effects: [Promote(1)]),
                (label: "Not yet", effects: [Change(metric: morale, by: -0.02)]),
            ],
        ),
    ],
)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_loads_without_warnings() {
        let checked = super::super::load_str(&skeleton("my_startup"), "my_startup.ron")
            .unwrap_or_else(|e| panic!("{}", super::super::ScenarioError::Invalid(e)));
        assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
        assert_eq!(checked.scenario.name, "My startup");
    }

    #[test]
    fn every_parameter_uncommented_loads_as_the_defaults() {
        let uncomment = |l: &str| match l.strip_prefix("        // ") {
            Some(code) => format!("        {code}\n"),
            None => format!("{l}\n"),
        };
        let text: String = skeleton("mine").lines().map(uncomment).collect();
        let checked = super::super::load_str(&text, "mine.ron")
            .unwrap_or_else(|e| panic!("{}", super::super::ScenarioError::Invalid(e)));
        assert_eq!(checked.scenario.params, Params::default());
    }

    #[test]
    fn names_that_are_not_plain_file_names_or_are_built_in_are_refused() {
        assert!(refuse_name("my_startup").is_none());
        for bad in ["", "../x", "a b", "Mine", "x.ron", "default"] {
            assert!(refuse_name(bad).is_some(), "{bad}");
        }
    }
}
