//! The words of the game: news lines, money, tips. All user-facing text of the
//! terminal game that is not a key binding lives here or in the view.

use crate::engine::events::render_text;
use crate::engine::Scenario;
use crate::engine::{Ending, News, ReportingLine, State};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Money for a player: `$3.2M`, `$850k`, `-$40k`.
pub fn money(x: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if a >= 1e9 {
        format!("{sign}${:.1}B", a / 1e9)
    } else if a >= 1e6 {
        format!("{sign}${:.1}M", a / 1e6)
    } else {
        format!("{sign}${:.0}k", a / 1e3)
    }
}

/// The reporting lines a VP can have, in the order the screen lists them.
pub const LINES: [ReportingLine; 3] = [
    ReportingLine::Cto,
    ReportingLine::Ceo { forum: true },
    ReportingLine::Ceo { forum: false },
];

/// A reporting line in a word or two, for the organisation panel.
pub fn line_short(line: ReportingLine) -> &'static str {
    match line {
        ReportingLine::Cto => "you",
        ReportingLine::Ceo { forum: true } => "CEO+forum",
        ReportingLine::Ceo { forum: false } => "CEO",
    }
}

/// A reporting line in words.
pub fn line_label(line: ReportingLine) -> &'static str {
    match line {
        ReportingLine::Cto => "reports to you",
        ReportingLine::Ceo { forum: true } => "reports to the CEO, shared forum",
        ReportingLine::Ceo { forum: false } => "reports to the CEO, no forum",
    }
}

/// One line of the news log.
pub fn news_line(n: &News, s: &State, sc: &Scenario) -> String {
    let plural = |k: u32, one: &str, many: &str| {
        if k == 1 {
            format!("1 {one}")
        } else {
            format!("{k} {many}")
        }
    };
    match n {
        News::OffersAccepted(k) => format!("{} accepted.", plural(*k, "offer", "offers")),
        News::Started(k) => format!("{} started.", plural(*k, "new engineer", "new engineers")),
        News::Left(k) => format!("{} left the company.", plural(*k, "person", "people")),
        News::Promoted => "An engineer was promoted to manager.".into(),
        News::VpSearchStarted => "The search for a VP of Engineering started.".into(),
        News::VpStarted => "A VP of Engineering started, reporting to you.".into(),
        News::LineChanged { vp, line } => format!("VP #{}: {}.", vp + 1, line_label(*line)),
        News::TakeBackRefused { vp, until } => format!(
            "The CEO refused to give VP #{} back; not again before week {until}.",
            vp + 1
        ),
        News::ForumRefused { vp, until } => format!(
            "The CEO refused to share VP #{} in a forum; not again before week {until}.",
            vp + 1
        ),
        News::MarketShock => {
            "A market shock: a competitor moved; fit and strategy alignment fell.".into()
        }
        News::Bet {
            with_cto,
            overridden,
            won,
        } => {
            let who = if *with_cto {
                "A technology bet you made"
            } else if *overridden {
                "The organisation overrode you on a technology bet; it"
            } else {
                "A technology bet was made without you; it"
            };
            format!("{who} {}.", if *won { "paid off" } else { "failed" })
        }
        News::RaiseStarted { stage } => format!("The CEO started raising from {}.", stage.label()),
        News::RoundClosed { stage, amount } => {
            format!(
                "The round closed: {} raised, now {}.",
                money(*amount),
                stage.label()
            )
        }
        News::Bridge { amount } => format!("Investors offered a bridge of {}.", money(*amount)),
        News::RaiseFailed => "The raise failed: investors passed.".into(),
        News::EventFired(i) => format!(
            "Event: {}",
            sc.events.get(*i).map_or("?", |e| e.title.as_str())
        ),
        News::EventSettled {
            event,
            choice,
            by_cto,
        } => {
            let e = sc.events.get(*event);
            let label = e
                .and_then(|e| e.choices.get(*choice))
                .map_or("?", |c| c.label.as_str());
            let title = e.map_or("?", |e| e.title.as_str());
            if *by_cto {
                format!("{title}: you chose \"{label}\".")
            } else {
                format!("{title}: settled without you: \"{label}\".")
            }
        }
        News::Ended(e) => format!("The run ended: {}", sc.ending_headline(*e)),
    }
    .replace("{week}", &s.week.to_string())
}

/// An event's text with its placeholders filled in.
pub fn event_text(text: &str, s: &State) -> String {
    render_text(text, s)
}

/// What to try next time, after `ending`.
pub fn tips(ending: Ending, s: &State) -> Vec<&'static str> {
    let mut t = Vec::new();
    match ending {
        Ending::OutOfCash => {
            t.push("Hire to the stage, not ahead of it: every engineer shortens the runway long before they are productive.");
            t.push("Revenue comes from aligned work: keep a third of your week on strategy.");
        }
        Ending::Fired => {
            t.push("The board judges delivery: keep velocity up with what the business needs.");
            t.push(
                "Credits are earned by good calls and delivery; fights and failed bets spend them.",
            );
        }
        Ending::Puppet => {
            t.push("Keep the VP reporting to you, or keep a shared-responsibility forum if the VP goes to the CEO.");
            t.push("Authority without a reporting line decays in weeks; trust without contact in months.");
        }
        Ending::TenXProgrammer => {
            t.push("Past ten engineers, your code is a rounding error; your management is not.");
            t.push(
                "Promote managers at six to eight engineers each, and code less as the team grows.",
            );
        }
        Ending::Ipo | Ending::TimeUp | Ending::Custom(_) => {
            t.push("Try a harder scenario: `cto-sim scenarios` lists them.");
        }
    }
    if s.metrics.debt_tax > 0.3 {
        t.push("Debt ate a third of the team's time: protect 25–35% for refactoring when the tax passes 20%.");
    }
    if s.company.morale < 0.4 {
        t.push("Morale follows management coverage: a manager per 6–8 engineers, and time for your own reports.");
    }
    t
}

/// `text` in at most `n` terminal columns, an ellipsis marking a cut.
pub fn clip(text: &str, n: usize) -> String {
    if text.width() <= n {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > n {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` broken into lines of at most `width` terminal columns, at spaces
/// where it can be; a word longer than a line is split. Never an empty list.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let used = line.width();
            let gap = usize::from(used > 0);
            if used + gap + word.width() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a whole line: as much of it as fits.
            let mut cut = 0;
            let mut taken = 0;
            for (i, c) in word.char_indices() {
                let w = c.width().unwrap_or(0);
                if taken + w > width {
                    break;
                }
                taken += w;
                cut = i + c.len_utf8();
            }
            // (At least one character, so the loop always moves on.)
            let cut = cut.max(word.chars().next().map_or(0, char::len_utf8));
            let rest = word.split_off(cut);
            lines.push(word);
            word = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod clip_tests {
    use super::{clip, wrap};
    use unicode_width::UnicodeWidthStr;

    /// Words stay whole where they fit, a longer one is split, and nothing is
    /// lost or wider than the line.
    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        assert_eq!(
            wrap("The CEO refused to give VP #1 back", 16),
            ["The CEO refused", "to give VP #1", "back"]
        );
        assert_eq!(wrap("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(wrap("", 10), [""]);
        let text = "Series A closed: $9.1M at a 1.0 appetite, months of runway ahead";
        for width in 2..40 {
            let lines = wrap(text, width);
            assert!(lines.iter().all(|l| l.width() <= width));
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        }
        // Wide characters count as the two columns they take.
        assert_eq!(wrap("製品 🙂 ok", 5), ["製品", "🙂 ok"]);
        assert_eq!(wrap("製品製品", 5), ["製品", "製品"]);
        assert_eq!(clip("製品製品", 5), "製品…");
    }

    /// A long name is cut with an ellipsis, a short one kept whole.
    #[test]
    fn a_long_name_is_cut_with_an_ellipsis() {
        assert_eq!(
            clip("Scale-up: double the team", 22),
            "Scale-up: double the …"
        );
        assert_eq!(clip("Turnaround", 22), "Turnaround");
        assert_eq!(clip("Exactly twenty-two ch.", 22), "Exactly twenty-two ch.");
    }
}
