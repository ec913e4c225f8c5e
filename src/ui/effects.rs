//! What a choice of an event does, in the words the screen uses, before it
//! is taken: "−$250k now · +3 engineers · morale −3 pts · …and something may
//! follow". Headless (plain text): the event dialog shows it under each
//! choice, and anything else that lists choices may.

use unicode_width::UnicodeWidthStr;

use super::money::money;
use super::reporting::line_label;
use super::text::{plural, wrap};
use crate::engine::events::{Effect, Metric, Position, Tunable};
use crate::engine::kinds::Activity;

/// Between two effects.
pub const SEPARATOR: &str = " · ";

/// What a hidden follow-up reads: that something may follow, never what.
pub const FOLLOW_UP: &str = "…and something may follow";

/// `effects` in plain words, in the order written, joined by " · ", a
/// follow-up last (once, however many there are, and never named). Empty
/// for no effect.
pub fn effects_line(effects: &[Effect]) -> String {
    effect_items(effects).join(SEPARATOR)
}

/// The same in lines of at most `width` columns, breaking between effects
/// (so "fit −5 pts" stays whole) and within one only when it is longer than
/// a line. Empty for no effect.
pub fn effects_wrapped(effects: &[Effect], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in effect_items(effects) {
        let joined = if line.is_empty() {
            item.clone()
        } else {
            format!("{line}{SEPARATOR}{item}")
        };
        if joined.width() <= width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut parts = wrap(&item, width);
        line = parts.pop().unwrap_or_default();
        lines.extend(parts);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Each effect in words, a follow-up last (once, never named).
fn effect_items(effects: &[Effect]) -> Vec<String> {
    let mut words: Vec<String> = effects.iter().filter_map(effect_words).collect();
    if effects.iter().any(|e| matches!(e, Effect::FollowUp { .. })) {
        words.push(FOLLOW_UP.to_string());
    }
    words
}

/// One effect in words (`None` for a follow-up, which is said last).
fn effect_words(effect: &Effect) -> Option<String> {
    Some(match *effect {
        Effect::Change { metric, by } => change(metric, by, None),
        Effect::Spread { metric, by, weeks } => change(metric, by, Some(weeks)),
        Effect::VpLine(line) => format!("every VP {}", line_label(line)),
        Effect::Tune { param, by } => tune(param, by),
        Effect::FollowUp { .. } => return None,
        Effect::Promote(n) => format!("promotes {} to manager", plural(n, "engineer")),
        Effect::HireVp => "starts a VP search".to_string(),
        Effect::Leave(position) => match position {
            Position::Engineer => "an engineer leaves".to_string(),
            Position::Manager => "a manager leaves".to_string(),
            Position::Vp => "the newest VP leaves".to_string(),
        },
        Effect::Target { position, by } => {
            let wanted = match position {
                Position::Engineer => "engineers wanted",
                Position::Manager => "managers wanted",
                Position::Vp => "VPs wanted",
            };
            format!("{wanted} {}", signed(f64::from(by), number))
        }
        Effect::Deadline {
            hours,
            weeks,
            on,
            ref met,
            ref missed,
        } => deadline(hours, weeks, on, met, missed),
    })
}

/// A deadline in words: what it asks, then what follows either way.
fn deadline(
    hours: f64,
    weeks: u32,
    on: Option<Activity>,
    met: &[Effect],
    missed: &[Effect],
) -> String {
    let on = on.map_or(String::new(), |a| {
        format!(" of {}", a.label().to_lowercase())
    });
    let asks = format!(
        "deadline: {hours:.0} effective hours{on} over the {} after this one",
        if weeks == 1 {
            "week".to_string()
        } else {
            plural(weeks, "week")
        }
    );
    let mut follows = Vec::new();
    for (when, list) in [("met", met), ("missed", missed)] {
        let said = effect_items(list).join(", ");
        if !said.is_empty() {
            follows.push(format!("{when}: {said}"));
        }
    }
    if follows.is_empty() {
        asks
    } else {
        format!("{asks} ({})", follows.join("; "))
    }
}

/// A metric moved by `by`, at once or over `weeks` weeks.
fn change(metric: Metric, by: f64, weeks: Option<u32>) -> String {
    let when = match weeks {
        Some(w) if w > 1 => format!(" over {}", plural(w, "week")),
        _ => String::new(),
    };
    match metric {
        Metric::Cash if when.is_empty() => format!("{} now", signed(by, money)),
        Metric::Cash => format!("{}{when}", signed(by, money)),
        Metric::Arr => format!("ARR {}{when}", signed(by, money)),
        Metric::Engineers => {
            let n = by.abs().round() as u32;
            let sign = if by < 0.0 { '−' } else { '+' };
            format!("{sign}{}{when}", plural(n, "engineer"))
        }
        Metric::Debt => format!("debt {}{when}", signed(by, number)),
        m if m.range() == (0.0, 1.0) => format!("{} {}{when}", name(m), signed(by, points)),
        m => format!("{} {}{when}", name(m), signed(by, number)),
    }
}

/// A metric as the screen names it.
fn name(metric: Metric) -> &'static str {
    match metric {
        Metric::Expert => "expertise",
        Metric::Referent => "trust",
        m => m.name(),
    }
}

/// A model parameter shifted for the rest of the run.
fn tune(param: Tunable, by: f64) -> String {
    let (what, amount) = match param {
        Tunable::MarketDrift => ("market drift", format!("{}/week", signed(by, points))),
        Tunable::Churn => ("churn", format!("{}/week", signed(by, percent))),
        Tunable::GrowthCeiling => ("growth ceiling", format!("{}/week", signed(by, percent))),
        Tunable::BaseAttrition => ("attrition", format!("{}/year", signed(by, percent))),
        Tunable::DebtPerPoint => ("debt per feature point", signed(by, number)),
    };
    format!("{what} {amount} from now on")
}

/// `x` with its sign (`+`, or `−` as the screen writes it), its size written
/// by `size`.
fn signed(x: f64, size: fn(f64) -> String) -> String {
    let sign = if x < 0.0 { '−' } else { '+' };
    format!("{sign}{}", size(x.abs()))
}

/// A share (0–1) in points of 100: `3 pts`, `0.5 pts`.
fn points(x: f64) -> String {
    format!("{} pts", number(x * 100.0))
}

/// A share (0–1) as a percentage: `0.1%`.
fn percent(x: f64) -> String {
    format!("{}%", number(x * 100.0))
}

/// A number as short as it reads: whole when it is, else to a tenth (or a
/// hundredth under one).
fn number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else if x.abs() < 1.0 {
        let short = format!("{x:.2}");
        short
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        format!("{x:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ReportingLine;

    fn line(effects: &[Effect]) -> String {
        effects_line(effects)
    }

    /// Money, people and shares read as the screen reads them, each with
    /// its sign, and a spread says over how long.
    #[test]
    fn a_choices_effects_read_in_the_screens_words() {
        let effects = [
            Effect::Change {
                metric: Metric::Cash,
                by: -250_000.0,
            },
            Effect::Change {
                metric: Metric::Engineers,
                by: 3.0,
            },
            Effect::Change {
                metric: Metric::Morale,
                by: -0.03,
            },
            Effect::Spread {
                metric: Metric::Debt,
                by: 15.0,
                weeks: 26,
            },
            Effect::Promote(1),
            Effect::HireVp,
        ];
        assert_eq!(
            line(&effects),
            "−$250k now · +3 engineers · morale −3 pts · debt +15 over 26 weeks · promotes 1 engineer to manager · starts a VP search"
        );
        assert_eq!(
            line(&[
                Effect::Spread {
                    metric: Metric::Arr,
                    by: 1_500_000.0,
                    weeks: 13
                },
                Effect::Change {
                    metric: Metric::Referent,
                    by: 0.05
                },
                Effect::Change {
                    metric: Metric::Expert,
                    by: -0.005
                },
                Effect::Change {
                    metric: Metric::Credits,
                    by: 0.1
                },
            ]),
            "ARR +$1.5M over 13 weeks · trust +5 pts · expertise −0.5 pts · credits +10 pts"
        );
    }

    /// A follow-up is said once, last, and never named: the player learns
    /// what follows when it does.
    #[test]
    fn a_follow_up_only_says_that_something_may_follow() {
        let effects = [
            Effect::FollowUp {
                event: "client_leaves".into(),
                weeks: 3,
            },
            Effect::Change {
                metric: Metric::Arr,
                by: -100_000.0,
            },
            Effect::FollowUp {
                event: "client_returns".into(),
                weeks: 9,
            },
        ];
        let words = line(&effects);
        assert_eq!(words, "ARR −$100k · …and something may follow");
        assert!(!words.contains("client"));
    }

    /// The organisation's moves and the lasting shifts read as commitments.
    #[test]
    fn people_lines_and_lasting_shifts_read_as_what_they_change() {
        assert_eq!(
            line(&[
                Effect::Leave(Position::Manager),
                Effect::Target {
                    position: Position::Engineer,
                    by: -2
                },
                Effect::VpLine(ReportingLine::Ceo { forum: true }),
            ]),
            "a manager leaves · engineers wanted −2 · every VP reports to the CEO, shared forum"
        );
        assert_eq!(
            line(&[
                Effect::Tune {
                    param: Tunable::Churn,
                    by: 0.001
                },
                Effect::Tune {
                    param: Tunable::DebtPerPoint,
                    by: -0.1
                },
            ]),
            "churn +0.1%/week from now on · debt per feature point −0.1 from now on"
        );
        assert_eq!(line(&[]), "");
    }

    /// Wrapped, a line breaks between effects, never inside one that fits.
    #[test]
    fn wrapped_effects_break_between_effects() {
        let effects = [
            Effect::Spread {
                metric: Metric::Debt,
                by: -200.0,
                weeks: 13,
            },
            Effect::Spread {
                metric: Metric::Morale,
                by: 0.15,
                weeks: 13,
            },
            Effect::Change {
                metric: Metric::Fit,
                by: -0.05,
            },
        ];
        assert_eq!(
            effects_wrapped(&effects, 60),
            [
                "debt −200 over 13 weeks · morale +15 pts over 13 weeks",
                "fit −5 pts"
            ]
        );
        assert_eq!(
            effects_wrapped(&effects, 12),
            [
                "debt −200",
                "over 13",
                "weeks",
                "morale +15",
                "pts over 13",
                "weeks",
                "fit −5 pts"
            ]
        );
        assert!(effects_wrapped(&[], 40).is_empty());
    }
}
