//! Par: the attention split the company needs from its CTO this week, read
//! from the same rules the engine rewards — the hours the CTO's direct reports
//! need (the structure stage's own reading), the recruiting the open positions
//! take, hands-on work while the company is small enough for it to teach fit,
//! and the rest on strategy, where the business is decided.
//!
//! Par is a guide to attention only: how many engineers to hire, the VP, the
//! hours and the events stay the player's to decide. It reads the player's own
//! hours and hiring target, so a player who wants no one gets no recruiting in
//! their par. The reference bot (`balanced`) plays par; the screen shows it and
//! says what moved it.

use super::decision::Attention;
use super::kinds::Activity;
use super::params::{AttentionParams, OrgParams, Params};
use super::state::{People, ReportingLine, State};

/// Recruiting takes at most this share of par: past it, strategy would starve.
const MAX_HIRING_PCT: u8 = 40;
/// Management never goes under this share (a CTO always has someone to see)…
const MIN_MANAGEMENT_PCT: u8 = 10;
/// …nor over this one (past it, par hands the rest to strategy).
const MAX_MANAGEMENT_PCT: u8 = 45;
/// Strategy keeps at least this share: recruiting waits for it.
const MIN_STRATEGY_PCT: u8 = 20;
/// Hands-on coding while the company is small; none once hands-on work no
/// longer teaches fit: a few points of coding then only add a fourth
/// activity's switching loss (measured: 5% kept scores 0.6 lower on default).
const CODING_SMALL_PCT: u8 = 35;
const CODING_LARGE_PCT: u8 = 0;
/// Most hires a week par recruits for.
const MAX_HIRES_PER_WEEK: f64 = 2.0;
/// Weeks to close the hiring gap: a quarter, or eight weeks while the product
/// falls short of what the board counts as delivered.
const WEEKS_TO_HIRE: f64 = 13.0;
const WEEKS_TO_HIRE_BEHIND: f64 = 8.0;
/// Fit still up for grabs after a market shock (0–1) at which par answers
/// the competitor: recruiting waits, management halves (never under
/// [`MIN_MANAGEMENT_PCT`]) and the week goes to strategy.
pub const CONTESTED_AT: f64 = 0.02;
/// Par covers the reports' need with this margin.
const MANAGEMENT_MARGIN: f64 = 1.05;

/// The CTO's direct reports, as the structure stage counts them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Reports {
    /// Engineers reporting to the CTO (outside every manager's span, or the
    /// CTO's own team once the VP reports to the CEO).
    pub engineers: f64,
    /// Managers, or VPs, reporting to the CTO.
    pub managers: f64,
    /// Shared-responsibility forums the CTO attends.
    pub forums: f64,
}

impl Reports {
    /// The CTO's direct reports in `people`.
    pub fn of(people: &People, org: &OrgParams) -> Reports {
        let n = f64::from(people.engineers());
        let vps = &people.vps;
        let to_cto = vps.iter().filter(|v| v.line == ReportingLine::Cto).count() as f64;
        let forums = vps
            .iter()
            .filter(|v| v.line == ReportingLine::Ceo { forum: true })
            .count() as f64;
        let (engineers, managers) = if vps.is_empty() {
            (
                people.unmanaged_engineers(org.manager_span),
                f64::from(people.managers),
            )
        } else if to_cto == 0.0 {
            ((org.cto_team as f64).min(n), 0.0)
        } else {
            (0.0, to_cto)
        };
        Reports {
            engineers,
            managers,
            forums,
        }
    }

    /// CTO hours a week these reports need.
    pub fn hours(&self, org: &OrgParams) -> f64 {
        org.hours_per_engineer_report * self.engineers
            + org.hours_per_manager_report * self.managers
            + org.forum_hours * self.forums
    }
}

/// The CTO's fatigue after a week of `hours`, from the fatigue carried in
/// (Robinson: the overtime past the free hours builds up and decays).
pub fn fatigue_after(a: &AttentionParams, fatigue: f64, hours: f64) -> f64 {
    let tiring = (hours - a.normal_hours - a.free_overtime_hours).max(0.0);
    a.fatigue_decay * fatigue + tiring
}

/// The CTO's efficiency (0–1) in a week of `hours`, after the fatigue carried
/// in (`fatigue`): the attention stage's own reading.
pub fn efficiency(a: &AttentionParams, fatigue: f64, hours: f64) -> f64 {
    (1.0 - a.overtime_cost * fatigue_after(a, fatigue, hours)).max(a.min_efficiency)
}

/// Par for the week ahead, and the figures it was read from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Par {
    pub attention: Attention,
    pub why: ParWhy,
}

/// The figures par reads, for the screen to say why par is what it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParWhy {
    /// The CTO's direct reports.
    pub reports: Reports,
    /// Hours a week those reports need.
    pub management_hours: f64,
    /// Engineers wanted but neither hired nor on their way.
    pub open_positions: u32,
    /// Hires a week par recruits for, the CTO's part (after what VPs recruit).
    pub hires_per_week: f64,
    /// Hires a week the VPs bring in.
    pub vp_hires_per_week: f64,
    /// The product falls short of what the board counts as delivered, so
    /// recruiting hurries (eight weeks instead of a quarter).
    pub behind: bool,
    /// Engineers now, and the headcount under which hands-on work still
    /// teaches fit (half of `org.small_company_size`).
    pub engineers: u32,
    pub hands_on_below: f64,
    /// Effective hours one percent of the week buys, after fatigue and the
    /// switching cost of four activities.
    pub hours_per_pct: f64,
    /// Recruiting gave way so that strategy keeps its minimum.
    pub recruiting_waits: bool,
    /// Fit a competitor's move took that strategy hours can still win back
    /// (0–1); at [`CONTESTED_AT`] or more, recruiting waits for it and
    /// management halves.
    pub contested: f64,
}

impl ParWhy {
    /// Par is answering a competitor's move: recruiting waits.
    pub fn answering_shock(&self) -> bool {
        self.contested >= CONTESTED_AT
    }
}

impl ParWhy {
    /// Whether hands-on coding is in par (the company is small).
    pub fn hands_on(&self) -> bool {
        f64::from(self.engineers) < self.hands_on_below
    }
}

/// Par for a CTO who works `hours` this week and wants `wanted` engineers.
pub fn par(s: &State, p: &Params, hours: u8, wanted: u32) -> Par {
    let people = &s.people;
    let n = people.engineers();
    let reports = Reports::of(people, &p.org);
    let management_hours = reports.hours(&p.org);
    // Effective hours per percent of attention: after fatigue and the
    // switching cost of four activities.
    let switching = p.attention.switching_scale * p.attention.switching_loss[3];
    let rho = if s.week == 0 {
        efficiency(&p.attention, s.fatigue, f64::from(hours))
    } else {
        s.metrics.efficiency
    };
    let hours_per_pct = (f64::from(hours) * rho * (1.0 - switching) / 100.0).max(0.01);
    let pct = |h: f64| -> u8 {
        let raw = libm::ceil(h / hours_per_pct / 5.0) * 5.0;
        raw.clamp(0.0, 100.0) as u8
    };
    let hands_on_below = 0.5 * p.org.small_company_size.max(1.0);
    let coding = if f64::from(n) < hands_on_below {
        CODING_SMALL_PCT
    } else {
        CODING_LARGE_PCT
    };
    // While a competitor's move is still contested, the week's hours are
    // worth most on strategy: recruiting waits and the direct reports get
    // half their time (never under the minimum) until the market settles.
    let contested = s.company.contested_fit;
    let answering_shock = contested >= CONTESTED_AT;
    let management =
        pct(management_hours * MANAGEMENT_MARGIN).clamp(MIN_MANAGEMENT_PCT, MAX_MANAGEMENT_PCT);
    let management = if answering_shock {
        MIN_MANAGEMENT_PCT.max(management / 2)
    } else {
        management
    };
    let open_positions = wanted.saturating_sub(n + people.in_pipeline());
    let vp_hires_per_week = people.vps.len() as f64 * p.hiring.vp_hires_per_week;
    // Recruiting hurries while the product falls short of what the board
    // counts as delivered; otherwise the gap is closed over a quarter. The
    // last open positions cost as many hours as the first: while any is
    // open, at least one hire a week.
    let behind = s.metrics.delivery < p.strategy.review_deliver_at;
    let weeks = if behind {
        WEEKS_TO_HIRE_BEHIND
    } else {
        WEEKS_TO_HIRE
    };
    let pace = (f64::from(open_positions) / weeks).max(f64::from(open_positions.min(1)));
    let hires_per_week = (pace.min(MAX_HIRES_PER_WEEK) - vp_hires_per_week).max(0.0);
    let hiring = if answering_shock {
        0
    } else {
        pct(hires_per_week * p.hiring.cto_hours_per_hire).min(MAX_HIRING_PCT)
    };
    // Recruiting gets what coding, management and strategy's minimum leave.
    let room = 100u8.saturating_sub(coding + management + MIN_STRATEGY_PCT);
    let recruiting_waits = hiring > room;
    let hiring = hiring.min(room);
    let strategy = 100 - coding - management - hiring;
    Par {
        attention: Attention::new(strategy, hiring, coding, management),
        why: ParWhy {
            reports,
            management_hours,
            open_positions,
            hires_per_week,
            vp_hires_per_week,
            behind,
            engineers: n,
            hands_on_below,
            hours_per_pct,
            recruiting_waits,
            contested,
        },
    }
}

/// The activity whose share moved most from `from` to `to`, and by how much
/// (points, signed); `None` when they are the same split.
pub fn biggest_move(from: Attention, to: Attention) -> Option<(Activity, i16)> {
    Activity::ALL
        .into_iter()
        .map(|a| (a, i16::from(to.get(a)) - i16::from(from.get(a))))
        .filter(|(_, d)| *d != 0)
        .max_by_key(|(_, d)| d.abs())
}
