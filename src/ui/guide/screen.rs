//! The guide's entries for the week screen's own figures: the header, the
//! attention panel (with hours and par) and the Organisation panel.

use super::kinds::{Entry, Part};
use super::values::{par_split, pct};
use crate::engine::RUNWAY_CAP;
use crate::ui::money::money;
use crate::ui::text::plural;

use Part::*;

/// The header's, the attention panel's and the Organisation panel's figures.
pub const SCREEN: &[Entry] = &[
    // The header.
    Entry {
        term: "Week, stage and seed",
        part: Header,
        labels: &["week", "stage", "seed", "seed stage"],
        what: "The week you are drafting, of the scenario's horizon; the company's funding stage (Seed, Series A, B, C, Growth); and the seed: the same scenario, seed and decisions always play the same game.",
        moves: "A week passes with Enter. The stage moves up when a round closes (see How a round is raised).",
        now: |n| {
            format!(
                "week {} of {}, {} stage",
                n.s.week + 1,
                n.sc.horizon_weeks,
                n.s.company.stage.label()
            )
        },
    },
    Entry {
        term: "Cash",
        part: Header,
        labels: &["cash"],
        what: "Money in the bank. Below zero the run ends (out of cash).",
        moves: "Each week: revenue (ARR / 52) less payroll ($185k an engineer, $230k a manager, $300k a VP, $250k you, $130k each for the rest of the company, a year), 15% running costs, and one-off costs (a leaver costs 55% of a year's salary); a closed round or a bridge adds its money.",
        now: |n| money(n.s.company.cash),
    },
    Entry {
        term: "Runway",
        part: Header,
        labels: &["runway", "mo", "> 5 yr", "ceo raises under"],
        what: "Months the cash lasts at the recurring net burn: payroll, the rest of the company and running costs, less revenue. A one-off cost or refund moves cash, not the burn. ∞ when revenue covers the costs.",
        moves: "Hiring raises the burn; ARR lowers it; a round adds cash. Under 9 months on default the CEO starts raising (the header shows the scenario's own figure after runway: \"CEO raises under 9\"); under 6 the header turns red and a warning counts the weeks to out of cash.",
        now: |n| {
            let m = &n.s.metrics;
            let rule = format!(
                "; the CEO raises under {:.0} months",
                n.sc.params.business.raise_below_runway_months
            );
            if !n.played() {
                format!("– (after the first week){rule}")
            } else if m.runway_months >= RUNWAY_CAP {
                format!("∞: revenue covers the costs{rule}")
            } else {
                format!(
                    "{:.0} months: {} of cash over {} a month of net burn{rule}",
                    m.runway_months,
                    money(n.s.company.cash),
                    money(m.burn)
                )
            }
        },
    },
    Entry {
        term: "ARR",
        part: Header,
        labels: &["arr"],
        what: "Annual recurring revenue: what customers pay a year. It is most of the score, on a log scale up to the scenario's IPO bar, and it is what investors look at.",
        moves: "Grows each week with fit × direction × delivery (up to 4.5% a week while small, less as it grows), less 0.25% churn; founder sales add $2k a week above fit 30%. Past $400k of ARR per person on the payroll, customers leave for lack of service.",
        now: |n| money(n.s.company.arr),
    },
    Entry {
        term: "Headcount",
        part: Header,
        labels: &["headcount"],
        what: "Everyone in engineering: you, the VPs, the managers and the engineers (ramping ones included). The rest of the company is counted in the Why panel's Company line.",
        moves: "Offers start after 6 weeks; managers are promoted from engineers; VPs join after a search; people leave at the attrition rate.",
        now: |n| n.s.people.headcount().to_string(),
    },
    Entry {
        term: "Influence",
        part: Header,
        labels: &["influence"],
        what: "How far the organisation listens to you, 0–100: 30% authority, 10% reward, 15% information, 25% expertise and 20% trust (the five power bases in the Why panel's Power line). With credits, it sets adoption.",
        moves: "Each base moves with what you do: reporting lines, time on strategy, time with people, hands-on work. The Why panel lists last week's moves and their causes.",
        now: |n| format!("{:.0} of 100", n.s.influence_points()),
    },
    Entry {
        term: "Authority",
        part: Header,
        labels: &["authority"],
        what: "Legitimate authority, 0–100: your right to assign work, as the organisation sees it. Under 20 (with influence and adoption low) for 12 weeks you are a puppet.",
        moves: "Follows, six weeks behind, your reach (the part of engineering in your chain, plus what a forum shares) times how well you cover your direct reports: authority not used is routed around. Handing a VP to the CEO takes their part out of your reach.",
        now: |n| format!("{:.0} of 100", n.s.authority_points()),
    },
    Entry {
        term: "Goal",
        part: Header,
        labels: &["goal", "ipo at", "ipo", "now", "next round", "burn", "held", "for"],
        what: "What wins: the scenario's own win conditions with your progress (held for its weeks), or an IPO at the ARR and stage shown, with the next round's ARR bar and the burn multiple investors accept.",
        moves: "ARR, the stage and whatever the scenario's conditions read. While a round is raised this line shows the raise instead (see How a round is raised).",
        now: |n| crate::ui::goals::goal_line(n.sc, n.s),
    },
    Entry {
        term: "On this plan",
        part: Header,
        labels: &["on this plan", "by week", "around week", "futures", "plan", "by wk", "goal reached", "ipo around week", "goal reached around week"],
        what: "The forecast, after the goal: the rest of the run played 16 times, each under other luck (never your run's own). It assumes you keep this week's draft every week: the attention split, hours, refactoring and reporting lines as they are, the hiring targets as they are (moved as events move them, and scaled up with the stage's typical team when a round closes); your answers to this week's events as drafted, and every later event left to its default answer. It shows a range of the goal's figure by the horizon, or the week the goal or a loss most often comes. It appears a moment after each week and after a change of the draft; replays do not show it.",
        moves: "Your draft: attention, hours, hiring targets, refactoring, reporting lines. Green when the plan reaches the goal.",
        now: |n| {
            n.forecast.map_or("– (a moment after each week)".to_string(), |f| {
                let [long, _] = crate::ui::forecast::words(f, n.sc);
                long
            })
        },
    },
    Entry {
        term: "Deadline",
        part: Header,
        labels: &["deadline", "effective h", "makes it", "on track"],
        what: "A date an event's answer set: the effective hours (your hours after fatigue; on one activity, when it says so) to put in over the weeks shown, what is in so far, and about how long a week makes it. The dialog said what follows when it is met and when it is missed.",
        moves: "Your hours, from next week on (and the split, for a deadline on one activity). From rest, about 52 h a week puts in 96 in two weeks; a tired CTO puts in less at the same hours.",
        now: |n| match n.s.deadlines.len() {
            0 => "none running".to_string(),
            k => format!("{k} running"),
        },
    },
    // Attention.
    Entry {
        term: "Attention",
        part: Attention,
        labels: &["attention"],
        what: "How you split your working week, always 100% together: strategy, hiring, coding and management. Each share buys effective hours of that activity.",
        moves: "You set it each week (← → on a bar, or p for par).",
        now: |n| {
            let e = n.s.metrics.effective_hours.0;
            format!(
                "{:.0}/{:.0}/{:.0}/{:.0} effective hours last week",
                e[0], e[1], e[2], e[3]
            )
        },
    },
    Entry {
        term: "Strategy",
        part: Attention,
        labels: &["strategy"],
        what: "Time on where the company and its technology should go.",
        moves: "Strategy hours raise alignment (faster with more information) and information itself, and put you in the room when a technology bet is decided (every 6 weeks). Too little and alignment decays 1.5% a week.",
        now: |n| format!("{:.0} effective hours last week", n.s.metrics.effective_hours.0[0]),
    },
    Entry {
        term: "Hiring",
        part: Attention,
        labels: &["hiring"],
        what: "Time recruiting: about 6 of your hours make a hire, plus one hire a week per ramped VP.",
        moves: "Nobody is hired unless hiring gets hours and Engineers wanted is above the team you have. Stretched recruiting lowers hire quality.",
        now: |n| format!("{:.0} effective hours last week", n.s.metrics.effective_hours.0[1]),
    },
    Entry {
        term: "Coding",
        part: Attention,
        labels: &["coding"],
        what: "Hands-on work: your own feature points (yours, in the Why panel's Velocity) and your expertise.",
        moves: "In a small company hands-on work also teaches fit. Coding 25% or more for 12 of 16 weeks in a team of 10+ that nobody manages is the road to the 10x programmer ending.",
        now: |n| format!("{:.0} effective hours last week", n.s.metrics.effective_hours.0[2]),
    },
    Entry {
        term: "Management",
        part: Attention,
        labels: &["management"],
        what: "Time with people: your direct reports first (1.5 h a week per engineer outside every manager's span, 4 h per manager or VP reporting to you, 4 h per forum), then skip-levels.",
        moves: "Short of what your reports need, authority and trust fall (neglected reports); covered, trust and information grow (time with people).",
        now: |n| {
            format!(
                "{:.0} effective hours last week; your reports need {:.0} h",
                n.s.metrics.effective_hours.0[3], n.s.metrics.management_need
            )
        },
    },
    Entry {
        term: "Par",
        part: Attention,
        labels: &["par"],
        what: "The split the company needs from you this week, read from the same rules the game rewards: management for the hours your reports need, hiring for the positions your Engineers wanted opens, coding while the company is small, the rest (at least 20%) on strategy. p sets it.",
        moves: "Your team, your hours and Engineers wanted: par never raises hiring by itself, so a target you never raise gets no recruiting. The news says when par moves and why.",
        now: par_split,
    },
    Entry {
        term: "Hours",
        part: Attention,
        labels: &["hours", "h/week", "tired"],
        what: "Hours you work a week (35–80). Past 45 h fatigue builds up and every hour yields less: −N% tired is what fatigue took last week. A steady long week gives less than 45 h within a month; long hours pay only in a crunch, for a deadline, from rest.",
        moves: "Fatigue adds the hours over 45 each week and fades by a quarter a week; efficiency falls 0.75% per point of fatigue (to at most −70%).",
        now: |n| {
            if n.played() {
                format!("efficiency {:.0}%", n.s.metrics.efficiency * 100.0)
            } else {
                "– (after the first week)".to_string()
            }
        },
    },
    Entry {
        term: "Refactoring",
        part: Attention,
        labels: &["refactoring"],
        what: "The share of the team's capacity kept for paying down technical debt (up to the scenario's maximum).",
        moves: "Refactoring capacity repays debt; the rest ships features. More refactoring now, less velocity now, a lower debt tax later.",
        now: |n| format!("at most {}% in this scenario", n.sc.params.engineering.max_refactor_pct),
    },
    Entry {
        term: "Debt tax",
        part: Attention,
        labels: &["debt tax"],
        what: "The share of the team's capacity lost to technical debt (at most 70%): debt / (debt + 0.35 × codebase).",
        moves: "Debt grows with what is shipped in a hurry (low quality), with interest (0.1% a week) and as code ages (0.03% of the codebase a week); refactoring pays it down.",
        now: |n| pct(n, n.s.metrics.debt_tax),
    },
    Entry {
        term: "Effective hours",
        part: Attention,
        labels: &["effective", "effective hours", "after the first week", "switching"],
        what: "Last week's hours per activity after fatigue and context switching: −N% switching is the time lost to moving between activities.",
        moves: "Touching more activities costs up to 30% of the week (each counts in proportion to its share up to 10%); coding under 20 raw hours runs slower (no maker's block).",
        now: |n| pct(n, n.s.metrics.switching_loss).replace('%', "% lost to switching"),
    },
    // The Organisation panel.
    Entry {
        term: "The org chart",
        part: Organisation,
        labels: &["organisation", "cto", "cto (you)", "reports to ceo", "managers", "manager", "engineers", "engineer", "ramping", "vp #", "vp", "reports to", "you", "ceo", "ceo+forum", "ramp", "coming", "offers", "offer", "a vp in", "weeks", "week"],
        what: "Who reports to you: the VPs (with their reporting line and how far they have ramped over 26 weeks), or the managers, and the engineers (ramping ones take 20 weeks to full speed). Coming: offers accepted that start within 6 weeks, and a VP search's weeks left.",
        moves: "Engineers, Managers and VPs wanted below, and attrition.",
        now: |n| {
            let p = &n.s.people;
            format!(
                "{}, {}, {}",
                plural(p.engineers(), "engineer"),
                plural(p.managers, "manager"),
                plural(p.vps.len(), "VP")
            )
        },
    },
    Entry {
        term: "Coverage",
        part: Organisation,
        labels: &["coverage"],
        what: "How well the organisation is managed, 0–100%: engineers looked after by a manager (about 8 each), by a VP or by you, plus a bonus for informal coordination below 15 engineers. Not the same as your own coverage of your direct reports, which the Why panel's neglected reports reads.",
        moves: "Managers and VPs raise it; managers beyond about 5 per manager of managers (you or a VP) lower it, and so does neglecting the managers who report to you. Coverage drives morale and adoption.",
        now: |n| {
            if n.played() {
                format!(
                    "{:.0}% (your own reports get {:.0}% of the hours they need)",
                    n.s.metrics.org_coverage * 100.0,
                    n.s.metrics.cto_coverage * 100.0
                )
            } else {
                pct(n, 0.0)
            }
        },
    },
    Entry {
        term: "Morale",
        part: Organisation,
        labels: &["morale"],
        what: "How engaged engineering is, 0–100%. Capacity scales with it, attrition rises as it falls.",
        moves: "Moves a sixth of the way each week toward 18% + 70% × coverage − 10% × debt tax − 15% × how tired the team is (managers explain most of engagement).",
        now: |n| format!("{:.0}%", n.s.company.morale * 100.0),
    },
    Entry {
        term: "Overhead",
        part: Organisation,
        labels: &["overhead"],
        what: "Communication overhead: the share of capacity lost to coordinating (at most 80%).",
        moves: "Grows with the square of team size and of the number of teams: managers split engineers into teams of about 8.",
        now: |n| pct(n, n.s.metrics.communication_overhead),
    },
    Entry {
        term: "Engineers wanted",
        part: Organisation,
        labels: &["engineers wanted", "positions open", "position open", "open", "no manager for", "promote", "none let go", "hiring waits out a competitor's move"],
        what: "The engineering team you are hiring toward (engineers, ramping ones and accepted offers). The gap is the open positions par asks hiring hours for: \"N open, hiring X%: par Y%\" when you give it less; \"N open: hiring waits out a competitor's move\" while a market shock's fit is contested and par puts the hiring hours on strategy. A target under the headcount (\"none let go\") hires nobody and lets nobody go: the team shrinks only as people leave.",
        moves: "You set it. Recruiting stops at the target; a leaver reopens a position.",
        now: |n| plural(n.s.people.engineers() + n.s.people.in_pipeline(), "engineer").to_string() + " with offers",
    },
    Entry {
        term: "Managers wanted",
        part: Organisation,
        labels: &["managers wanted", "too many managers for you", "managers for one vp", "managers for", "vps", "can be promoted", "one engineer stays coding"],
        what: "The managers you want: one a week is promoted from your experienced engineers. \"No manager for N engineers: promote.\" when engineers outside every manager's span report to you and you cannot give them their hours; \"Too many managers for you: hire a VP.\" past about 5 managers per manager of managers. \"6 managers wanted: 2 can be promoted (one engineer stays coding).\" when the target asks for more than your experienced engineers can give: ramping hires can be promoted once they have ramped up.",
        moves: "You set it; promotions take engineers off the features.",
        now: |n| plural(n.s.people.managers, "manager"),
    },
    Entry {
        term: "VPs wanted",
        part: Organisation,
        labels: &["vps wanted", "hire a vp", "hire another", "max", "the most"],
        what: "VPs of Engineering you want (0–3; \"max\" at the most the company can have, and then the panel says \"N managers for 3 VPs (the most)\" instead of asking for another). Each takes a 10-week search and 26 weeks to ramp; a ramped VP manages a span of engineers and recruits about a hire a week. A VP reports to you unless you hand them over (see Reporting lines).",
        moves: "You set it; only a VP who reports to you can be let go.",
        now: |n| {
            let p = &n.s.people;
            match p.vp_search {
                Some(w) => format!(
                    "{}, a search with {} left",
                    plural(p.vps.len(), "VP"),
                    plural(w, "week")
                ),
                None => plural(p.vps.len(), "VP"),
            }
        },
    },
    Entry {
        term: "Cash pays",
        part: Organisation,
        labels: &["cash pays", "more engineers for", "more engineer for"],
        what: "When the forecast misses the goal and the runway is long: how many more engineers the cash in the bank would pay for 18 months. Money that sits idle while the plan falls short.",
        moves: "Cash, the burn, and the forecast.",
        now: |n| {
            let k = crate::forecast::engineers_cash_pays(n.s, n.sc, 18.0);
            format!("{} for 18 months", plural(k, "more engineer"))
        },
    },
    Entry {
        term: "Contact with the org",
        part: Organisation,
        labels: &["contact with the org", "contact", "skip-levels", "spare management hours go to skip-levels"],
        what: "While a VP runs part of engineering for the CEO: how much of the organisation you still meet, 0–100%: your own reports, and skip-levels with the rest.",
        moves: "Management hours beyond what your own reports need go to skip-levels (about a quarter-hour a week per person outside your chain). Contact keeps trust and information.",
        now: |n| pct(n, n.s.metrics.contact),
    },
];
