//! The guide's entries for the Why panel: what moved influence and why, the
//! drivers behind the numbers and the power bases.

use super::kinds::{Entry, Part};
use super::values::{base, moved, pct};
use crate::engine::PowerBase;
use crate::ui::money::money;
use crate::ui::text::plural;

use Part::*;

/// The Why panel's lines, causes and drivers.
pub const WHY: &[Entry] = &[
    // The Why panel.
    Entry {
        term: "Last week's moves",
        part: Why,
        labels: &["why", "why pgdn", "why pgup", "pgdn", "pgup", "last week", "recent", "other", "smaller moves", "nothing moved yet", "nothing moved by a tenth"],
        what: "The Why panel heads with influence and its change last week, then the moves that made it: power base, size in influence points, cause (at most five lines; when there are more, \"other · smaller moves\" sums the rest). Recent: the net move of the last weeks. When the panel does not all fit, PgUp/PgDn scroll it.",
        moves: "Each cause below.",
        now: |n| {
            let net: f64 = n.s.ledger.iter().map(|e| e.influence_points).sum();
            format!("{:.0} ({net:+.1} last week)", n.s.influence_points())
        },
    },
    Entry {
        term: "Reporting lines",
        part: Why,
        labels: &["reporting lines"],
        what: "The cause of authority, reward and information following the part of engineering in your chain (reach).",
        moves: "Handing a VP to the CEO shrinks reach (a forum gives some back); taking them back restores it.",
        now: |n| format!("{:.0}% of engineering in your chain", n.s.metrics.chain_share * 100.0),
    },
    Entry {
        term: "Time on strategy",
        part: Why,
        labels: &["time on strategy"],
        what: "Information gained from strategy hours (up to 8 effective hours a week count).",
        moves: "Strategy attention.",
        now: |n| format!("{:.0} effective strategy hours last week", n.s.metrics.effective_hours.0[0]),
    },
    Entry {
        term: "Time with people",
        part: Why,
        labels: &["time with people"],
        what: "Trust and information gained from meeting your reports and, with hours to spare, skip-levels (contact).",
        moves: "Management attention beyond what your reports need.",
        now: |n| format!("contact {}", pct(n, n.s.metrics.contact)),
    },
    Entry {
        term: "Neglected reports",
        part: Why,
        labels: &["neglected reports", "of their hours"],
        what: "Authority and trust lost because your direct reports get fewer of your management hours than they need. The line says what it reads: \"62% of their hours\" is the share of the hours they need that they got from you; for trust, while a VP runs part of engineering for the CEO, your contact with the organisation. It is not the Organisation panel's coverage, which counts everyone any manager looks after and adds a bonus for a small team.",
        moves: "More management attention, fewer direct reports (promote managers, hire a VP), or fewer hours lost to fatigue and switching.",
        now: |n| {
            if n.played() {
                format!(
                    "your reports got {:.0}% of the {:.0} h they need",
                    n.s.metrics.cto_coverage * 100.0,
                    n.s.metrics.management_need
                )
            } else {
                pct(n, 0.0)
            }
        },
    },
    Entry {
        term: "Hands-on work",
        part: Why,
        labels: &["hands-on work", "out of touch"],
        what: "Expertise gained from technical hours (coding, and 30% of strategy hours, up to 10 a week); out of touch: expertise fading, half-life 26 weeks, faster the fewer technical hours you keep (under 5).",
        moves: "Coding attention.",
        now: |n| format!("{:.0} effective coding hours last week", n.s.metrics.effective_hours.0[2]),
    },
    Entry {
        term: "Technology bets",
        part: Why,
        labels: &["technology bet paid off", "technology bet failed", "overridden by the organisation"],
        what: "Every 6 weeks a technology choice is made: by you if you are in the room (4+ strategy hours) and the organisation follows (adoption), else without you. It pays off more often the better the alignment behind it.",
        moves: "Your bets move expertise and credits ±5 and fit ±3 points; being overridden costs 5 credits.",
        now: |n| format!("alignment {:.0}%, adoption {}", n.s.company.alignment * 100.0, pct(n, n.s.metrics.adoption)),
    },
    Entry {
        term: "Quarterly review",
        part: Why,
        labels: &["roadmap delivered", "roadmap slipped"],
        what: "Every 13 weeks the board looks at delivery: under 60% on average costs 5 credits, 95% or better earns 2.",
        moves: "Velocity against what the business needs (delivery).",
        now: |n| format!("delivery {}", pct(n, n.s.metrics.delivery)),
    },
    Entry {
        term: "Taking a VP back",
        part: Why,
        labels: &["took the vp back", "the ceo refused to give the vp back"],
        what: "Credits spent asking the CEO for a VP's line back: 15 if the CEO agrees, 5 if not.",
        moves: "See Reporting lines.",
        now: |n| moved(n, PowerBase::Credits),
    },
    Entry {
        term: "Fund-raise failed",
        part: Why,
        labels: &["fund-raise failed"],
        what: "A round that did not close costs you 10 credits: the board holds you partly responsible.",
        moves: "See How a round is raised.",
        now: |n| format!("credits {:.0}", n.s.power.credits * 100.0),
    },
    Entry {
        term: "Event",
        part: Why,
        labels: &["event"],
        what: "A move an event's choice made.",
        moves: "Your answers to events (or the organisation's, when you leave one).",
        now: |n| plural(n.s.pending.len(), "event").to_string() + " waiting",
    },
    Entry {
        term: "Credits",
        part: Why,
        labels: &["credits"],
        what: "Idiosyncrasy credits, 0–100: political capital. They add to your pull in adoption and buy fights (a forum, a VP back). At 2 or under for 8 weeks while you hold authority, the board fires you.",
        moves: "Technology bets ±5, being overridden −5, quarterly reviews −5/+2, a failed raise −10, taking a VP back −15 (a refusal −5), events.",
        now: |n| format!("{:.0} ({})", n.s.power.credits * 100.0, moved(n, PowerBase::Credits)),
    },
    Entry {
        term: "Drivers",
        part: Why,
        labels: &["drivers", "the rest after the first week"],
        what: "The figures behind the numbers, below.",
        moves: "Each driver below.",
        now: |n| format!("week {}", n.s.week),
    },
    Entry {
        term: "Adoption",
        part: Why,
        labels: &["adoption"],
        what: "The chance the organisation carries out your direction, 0–100%. Pull (influence × adoption) is 40% of the score.",
        moves: "Rises with influence and 30% of credits, falls with the power of a VP who reports elsewhere; scaled down when the organisation is poorly managed (coverage).",
        now: |n| pct(n, n.s.metrics.adoption),
    },
    Entry {
        term: "Alignment",
        part: Why,
        labels: &["alignment"],
        what: "How well the technology agenda fits viable business lines, 0–100%.",
        moves: "Strategy hours raise it (faster with information and your strategy skill); it decays 1.5% a week; a market shock takes 40% of it, a closed round half (a new stage needs a new strategy).",
        now: |n| format!("{:.0}%", n.s.company.alignment * 100.0),
    },
    Entry {
        term: "Direction",
        part: Why,
        labels: &["direction"],
        what: "The direction actually executed: alignment where the organisation follows you (adoption), 45% where it does not.",
        moves: "Alignment and adoption. Above 30% it grows ARR; above 45% shipping teaches fit.",
        now: |n| pct(n, n.s.metrics.direction),
    },
    Entry {
        term: "Fit",
        part: Why,
        labels: &["fit", "contested"],
        what: "Product-market fit, 0–100%: how much the market wants what you sell. ARR grows in proportion to it.",
        moves: "Learns from shipping in a good direction and, while the company is small, from your hands-on work; loses 0.4% a week to competitors and a share in each market shock (the scenario sets how much); technology bets ±3. Where the scenario contests shocks, the fit a shock took stays contested for a few weeks: your strategy hours win part of it back each week, and the market settles the rest.",
        now: |n| {
            let c = n.s.company.contested_fit;
            if c > 0.0 {
                format!("{:.0}%, {:.0} points contested", n.s.company.fit * 100.0, c * 100.0)
            } else {
                format!("{:.0}%", n.s.company.fit * 100.0)
            }
        },
    },
    Entry {
        term: "Delivery",
        part: Why,
        labels: &["delivery"],
        what: "Velocity over what the business needs (3 × √(ARR in $M) points a week), at most 100%. ARR grows in proportion; the quarterly review reads it.",
        moves: "Velocity up (engineers, morale, less debt tax), or ARR outgrowing the team.",
        now: |n| pct(n, n.s.metrics.delivery),
    },
    Entry {
        term: "Velocity",
        part: Why,
        labels: &["velocity", "pts", "yours", "capacity", "fte"],
        what: "Feature points shipped last week (yours: your own hands-on share). Capacity: the team's full-time equivalents after training new hires, communication overhead and morale.",
        moves: "Engineers (ramped ones count fully), morale, overhead, the debt tax and the refactoring share; your coding hours.",
        now: |n| format!("{:.1} points, capacity {:.1} FTE", n.s.metrics.velocity, n.s.metrics.capacity),
    },
    Entry {
        term: "Burn multiple",
        part: Why,
        labels: &["burn multiple"],
        what: "Net burn over new ARR, over the last 13 weeks: dollars burnt per dollar of revenue added. Investors want it at or under the scenario's maximum.",
        moves: "Growing ARR faster, or burning less.",
        now: |n| {
            format!(
                "{:.1}× (investors accept ≤{}×)",
                n.s.metrics.burn_multiple.min(99.0),
                n.sc.params.business.max_burn_multiple
            )
        },
    },
    Entry {
        term: "Attrition",
        part: Why,
        labels: &["attrition", "%/yr"],
        what: "The yearly share of people who leave at this week's morale: 13% at 60% morale, three times that when nobody manages. A leaver costs 55% of a year's salary.",
        moves: "Morale.",
        now: |n| pct(n, n.s.metrics.attrition_rate).replace('%', "%/yr"),
    },
    Entry {
        term: "Power",
        part: Why,
        labels: &["power", "reward", "info", "information", "expert", "expertise", "trust"],
        what: "The five power bases behind influence, 0–100: authority (the line), reward (reviews and pay: your chain), information (reach, strategy, contact), expertise (technical hours) and trust (contact with people).",
        moves: "Authority and reward follow reach six weeks behind; information reach, strategy hours and contact; expertise technical hours; trust contact, fading with a 12-week half-life without it.",
        now: |n| {
            format!(
                "authority {}, reward {}, information {}, expertise {}, trust {}",
                base(n, PowerBase::Legitimate),
                base(n, PowerBase::Reward),
                base(n, PowerBase::Informational),
                base(n, PowerBase::Expert),
                base(n, PowerBase::Referent)
            )
            .replace(" of 100", "")
        },
    },
    Entry {
        term: "Company",
        part: Why,
        labels: &["company", "people", "each", "too few to serve it"],
        what: "Everyone on the payroll (engineering and the rest of the company: sales, support, finance, which the CEO staffs to engineering's size and to revenue, 8 weeks behind), and the ARR each person carries.",
        moves: "Past $400k of ARR a person, customers leave for lack of service (\"too few to serve it\"): hire.",
        now: |n| {
            format!(
                "{:.0} people, {} of ARR each",
                n.s.payroll_people(),
                money(n.s.arr_per_person())
            )
        },
    },
];
