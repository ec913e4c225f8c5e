//! What happened, in words: a line of the news log per engine `News`, and an
//! event's text with its placeholders filled in.

use super::money::money;
use super::reporting::line_label;
use crate::engine::events::render_text;
use crate::engine::{News, Scenario, State};

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
