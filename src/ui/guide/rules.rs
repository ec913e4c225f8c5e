//! The guide's entries for the rules behind the screen: how a round is
//! raised, what the reporting lines do, and the warning line (the endings
//! themselves are read from the scenario, in `endings.rs`).

use super::kinds::{Entry, Part};
use crate::engine::funding::{next_round, raising};
use crate::ui::money::money;
use crate::ui::text::plural;

use Part::*;

/// Raising, reporting lines, warnings.
pub const RULES: &[Entry] = &[
    // Raising.
    Entry {
        term: "Raising",
        part: Raising,
        labels: &["raising", "investors want", "investors want arr", "burn", "wk"],
        what: "The CEO starts a raise when runway falls under 9 months or ARR reaches the next round's bar. It takes 12–24 weeks (16 times a draw made when it starts), whatever ARR does meanwhile: investors judge ARR and burn only at the close. While it runs the header shows its week and what investors want.",
        moves: "At the close, investors' appetite scales the bar by 0.85–1.15: the round closes if ARR clears it and the burn multiple is at or under the maximum, for 0.7–1.2 times its size, and the company moves up a stage (alignment halves: the next stage needs a new strategy).",
        now: |n| match raising(n.s, n.sc) {
            Some(r) => crate::ui::goals::raise_words(&r, false),
            None => match next_round(n.s, n.sc) {
                Some(round) => format!(
                    "no raise under way; next: {} from ARR {} (burn ≤{}×)",
                    money(round.size),
                    money(round.arr_bar),
                    n.sc.params.business.max_burn_multiple
                ),
                None => "no round left to raise".to_string(),
            },
        },
    },
    Entry {
        term: "Why a round fails, and a bridge",
        part: Raising,
        labels: &["bridge", "round"],
        what: "A round fails when ARR is under what investors ask at the close or the burn multiple is over the maximum; the news says which, with the figures. Then, once per stage, insiders may bridge: 30% of the round, if ARR is at least 40% of the bar times their appetite (0.6–1.4). Otherwise nothing comes and you lose 10 credits.",
        moves: "Delivery and fit grow ARR; a smaller burn lowers the multiple. Hiring far ahead of revenue raises both the burn and the multiple.",
        now: |n| {
            if n.s.raise.bridged {
                "a bridge was already taken at this stage".to_string()
            } else {
                "no bridge taken at this stage".to_string()
            }
        },
    },
    // Reporting lines.
    Entry {
        term: "VP reports to you",
        part: Lines,
        labels: &["reports to you"],
        what: "The VP and their part of engineering stay in your chain: you keep authority and reward over it, and the VP needs 4 of your management hours a week.",
        moves: "Only a VP who reports to you can be let go (VPs wanted down).",
        now: |n| {
            let mine = n
                .s
                .people
                .vps
                .iter()
                .filter(|v| v.line == crate::engine::ReportingLine::Cto)
                .count();
            let verb = if mine == 1 { "reports" } else { "report" };
            format!("{} {verb} to you", plural(mine, "VP"))
        },
    },
    Entry {
        term: "VP reports to the CEO",
        part: Lines,
        labels: &["reports to the ceo, no forum"],
        what: "The VP's part of engineering leaves your chain: authority and reward over it fall (six weeks behind), the VP leads it (the opposing power that lowers adoption), and you meet it only through skip-levels. Handing a VP over asks first and says what it costs; it is your call.",
        moves: "Taking the VP back is the CEO's call: it goes through with a chance equal to adoption and costs 15 credits; a refusal costs 5 and closes the subject for 13 weeks.",
        now: |n| format!("{:.0}% of engineering in your chain", n.s.metrics.chain_share * 100.0),
    },
    Entry {
        term: "Forum: shared responsibility",
        part: Lines,
        labels: &["reports to the ceo, shared forum", "forum"],
        what: "The VP reports to the CEO but you share responsibility in a forum: you keep execution rights over half of their part, as far as you show up (your coverage of your reports, the forum's 4 hours among them).",
        moves: "The CEO agrees with a chance of 10% + 50% × trust + 60% × credits; a refusal closes the subject for 13 weeks. An event that offers the forum needs no consent.",
        now: |n| {
            format!(
                "trust {:.0}, credits {:.0}",
                n.s.power.referent * 100.0,
                n.s.power.credits * 100.0
            )
        },
    },
    // Endings: the scenario's, from endings.rs; the warning line here.
    Entry {
        term: "Warnings",
        part: Endings,
        labels: &["in weeks", "in ~ weeks at this pace", "out of cash in"],
        what: "The status line names an ending on its way: counting when its signature holds (Puppet in 5 weeks), forming when every figure it reads is heading there at the present pace (in ~30 weeks at this pace), with why and what helps. It reads the same state the ending is decided on.",
        moves: "Whatever the ending reads, below.",
        now: |n| {
            crate::engine::risk::risks(n.s, n.sc)
                .first()
                .map_or("no ending on its way".to_string(), |r| {
                    crate::ui::warnings::risk_line(r, n.sc, n.s)
                })
        },
    },
];
