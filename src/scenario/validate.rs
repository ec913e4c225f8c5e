//! Semantic checks: everything the parser cannot see. All findings are collected.

use super::diagnostic::Diagnostic;
use super::suggest;
use crate::engine::events::{placeholders, Condition, Effect, Metric, Op, Tunable};
use crate::engine::outcome::Ending;
use crate::engine::scenario::{CustomEnding, Scenario, FORMAT_VERSION};
use crate::engine::state::Stage;

/// Most events in a deck.
pub const MAX_EVENTS: usize = 256;
/// Most scenario endings.
pub const MAX_ENDINGS: usize = 16;
/// Most choices in an event.
pub const MAX_CHOICES: usize = 8;
/// Most conditions in one list, effects in one choice, rounds in the params.
pub const MAX_LIST: usize = 16;
/// Longest text (event text, description), in characters.
pub const MAX_TEXT: usize = 2000;
/// Longest name, title or label, in characters.
pub const MAX_NAME: usize = 120;
/// Longest horizon, in weeks (20 years).
pub const MAX_HORIZON: u32 = 1040;

/// Check `sc` (named `origin` in messages); returns errors and warnings.
pub fn validate(sc: &Scenario, origin: &str) -> Vec<Diagnostic> {
    let mut c = Checker {
        origin,
        found: Vec::new(),
    };
    c.header(sc);
    c.start(sc);
    c.params(sc);
    c.endings(sc);
    c.events(sc);
    c.found
}

struct Checker<'a> {
    origin: &'a str,
    found: Vec<Diagnostic>,
}

/// A number as an author would write it: `0.5`, `3200000`, `1e11`.
fn short(x: f64) -> String {
    if x != 0.0 && x.abs() >= 1e7 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Checker<'_> {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found
            .push(Diagnostic::error(self.origin, path, message));
    }

    fn error_hint(&mut self, path: impl Into<String>, message: impl Into<String>, hint: String) {
        self.found
            .push(Diagnostic::error(self.origin, path, message).with_hint(hint));
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found
            .push(Diagnostic::warning(self.origin, path, message));
    }

    /// A number that must be finite and within `min..=max`.
    fn num(&mut self, path: &str, x: f64, min: f64, max: f64) {
        if !x.is_finite() {
            self.error(
                path,
                format!("`{x}` is not a finite number (too large, infinite or NaN)"),
            );
        } else if x < min || x > max {
            self.error(
                path,
                format!(
                    "{} is outside the allowed range {}–{}",
                    short(x),
                    short(min),
                    short(max)
                ),
            );
        }
    }

    fn int(&mut self, path: &str, x: u64, min: u64, max: u64) {
        if x < min || x > max {
            self.error(
                path,
                format!("{x} is outside the allowed range {min}–{max}"),
            );
        }
    }

    fn text(&mut self, path: &str, s: &str, max: usize, required: bool) {
        let n = s.chars().count();
        if required && s.trim().is_empty() {
            self.error(path, "must not be empty");
        } else if n > max {
            self.error(
                path,
                format!("is {n} characters long; at most {max} are allowed"),
            );
        }
    }

    fn header(&mut self, sc: &Scenario) {
        if sc.version != FORMAT_VERSION {
            self.error_hint(
                "version",
                format!("format version {} is not supported", sc.version),
                format!("this game reads version {FORMAT_VERSION}"),
            );
        }
        self.text("name", &sc.name, 80, true);
        self.text("description", &sc.description, MAX_TEXT, true);
        self.int("difficulty", u64::from(sc.difficulty), 1, 5);
        self.int(
            "horizon_weeks",
            u64::from(sc.horizon_weeks),
            1,
            u64::from(MAX_HORIZON),
        );
    }

    fn start(&mut self, sc: &Scenario) {
        let st = &sc.start;
        self.num("start.cash", st.cash, 0.0, 1e11);
        self.num("start.arr", st.arr, 0.0, 1e10);
        self.num("start.debt", st.debt, 0.0, 1e6);
        self.num("start.codebase", st.codebase, 1.0, 1e7);
        for (name, x) in [
            ("fit", st.fit),
            ("alignment", st.alignment),
            ("morale", st.morale),
            ("credits", st.credits),
        ] {
            self.num(&format!("start.{name}"), x, 0.0, 1.0);
        }
        for (name, x) in [
            ("legitimate", st.legitimate),
            ("reward", st.reward),
            ("informational", st.informational),
            ("expert", st.expert),
            ("referent", st.referent),
        ] {
            if let Some(x) = x {
                self.num(&format!("start.{name}"), x, 0.0, 1.0);
            }
        }
        if let Some(k) = st.coding_multiple {
            self.num("start.coding_multiple", k, 1.0, 10.0);
        }
        self.int("start.engineers", u64::from(st.engineers), 0, 2000);
        self.int("start.managers", u64::from(st.managers), 0, 500);
        if st.vps.len() as u32 > sc.params.hiring.max_vps.min(3) {
            self.error(
                "start.vps",
                format!(
                    "{} VPs, but the company can have at most {}",
                    st.vps.len(),
                    sc.params.hiring.max_vps.min(3)
                ),
            );
        }
        if st.engineers == 0 && st.managers == 0 {
            self.warning(
                "start.engineers",
                "the company starts with nobody to build anything",
            );
        }
        if st.managers > st.engineers {
            self.warning("start.managers", "more managers than engineers to manage");
        }
    }

    fn params(&mut self, sc: &Scenario) {
        let p = &sc.params;
        let a = &p.attention;
        self.num("params.attention.fatigue_decay", a.fatigue_decay, 0.0, 1.0);
        self.num("params.attention.overtime_cost", a.overtime_cost, 0.0, 0.1);
        self.num(
            "params.attention.min_efficiency",
            a.min_efficiency,
            0.0,
            1.0,
        );
        self.num("params.attention.normal_hours", a.normal_hours, 20.0, 80.0);
        self.num(
            "params.attention.touch_threshold",
            a.touch_threshold,
            0.0,
            1.0,
        );
        for (i, x) in a.switching_loss.iter().enumerate() {
            self.num(
                &format!("params.attention.switching_loss[{i}]"),
                *x,
                0.0,
                1.0,
            );
        }
        self.num(
            "params.attention.switching_scale",
            a.switching_scale,
            0.0,
            1.0,
        );
        self.num(
            "params.attention.maker_block_hours",
            a.maker_block_hours,
            0.0,
            80.0,
        );
        self.num("params.attention.maker_penalty", a.maker_penalty, 0.0, 1.0);

        let h = &p.hiring;
        self.int(
            "params.hiring.offer_to_start_weeks",
            u64::from(h.offer_to_start_weeks),
            1,
            52,
        );
        self.num(
            "params.hiring.cto_hours_per_hire",
            h.cto_hours_per_hire,
            0.5,
            100.0,
        );
        self.num(
            "params.hiring.team_hours_per_hire",
            h.team_hours_per_hire,
            0.0,
            200.0,
        );
        self.num(
            "params.hiring.vp_hires_per_week",
            h.vp_hires_per_week,
            0.0,
            10.0,
        );
        self.int("params.hiring.ramp_weeks", u64::from(h.ramp_weeks), 1, 104);
        self.num("params.hiring.ramp_start", h.ramp_start, 0.0, 1.0);
        self.num(
            "params.hiring.training_overhead",
            h.training_overhead,
            0.0,
            1.0,
        );
        self.int(
            "params.hiring.vp_search_weeks",
            u64::from(h.vp_search_weeks),
            1,
            52,
        );
        self.int(
            "params.hiring.vp_ramp_weeks",
            u64::from(h.vp_ramp_weeks),
            0,
            104,
        );
        self.int("params.hiring.max_vps", u64::from(h.max_vps), 0, 3);
        self.int(
            "params.hiring.promotions_per_week",
            u64::from(h.promotions_per_week),
            0,
            10,
        );

        let o = &p.org;
        self.num("params.org.manager_span", o.manager_span, 1.0, 30.0);
        self.num(
            "params.org.manager_of_managers_span",
            o.manager_of_managers_span,
            1.0,
            30.0,
        );
        self.num(
            "params.org.communication_coefficient",
            o.communication_coefficient,
            0.0,
            1.0,
        );
        self.num(
            "params.org.max_communication_overhead",
            o.max_communication_overhead,
            0.0,
            0.95,
        );
        self.num(
            "params.org.hours_per_engineer_report",
            o.hours_per_engineer_report,
            0.0,
            20.0,
        );
        self.num(
            "params.org.hours_per_manager_report",
            o.hours_per_manager_report,
            0.0,
            40.0,
        );
        self.num("params.org.forum_hours", o.forum_hours, 0.0, 40.0);
        self.int("params.org.cto_team", u64::from(o.cto_team), 0, 50);
        self.num(
            "params.org.small_company_bonus",
            o.small_company_bonus,
            0.0,
            1.0,
        );
        self.num(
            "params.org.small_company_size",
            o.small_company_size,
            1.0,
            1000.0,
        );

        let e = &p.engineering;
        self.num(
            "params.engineering.points_per_engineer_week",
            e.points_per_engineer_week,
            0.01,
            100.0,
        );
        self.num(
            "params.engineering.debt_per_point",
            e.debt_per_point,
            0.0,
            10.0,
        );
        self.num(
            "params.engineering.refactor_efficiency",
            e.refactor_efficiency,
            0.0,
            10.0,
        );
        self.num(
            "params.engineering.debt_interest",
            e.debt_interest,
            0.0,
            0.1,
        );
        self.num(
            "params.engineering.debt_half_ratio",
            e.debt_half_ratio,
            0.01,
            10.0,
        );
        self.num("params.engineering.max_debt_tax", e.max_debt_tax, 0.0, 0.95);
        self.num(
            "params.engineering.base_productivity",
            e.base_productivity,
            0.0,
            2.0,
        );
        self.num(
            "params.engineering.morale_productivity",
            e.morale_productivity,
            0.0,
            2.0,
        );
        self.int(
            "params.engineering.max_refactor_pct",
            u64::from(e.max_refactor_pct),
            0,
            100,
        );

        let m = &p.morale;
        self.num("params.morale.baseline", m.baseline, 0.0, 1.0);
        self.num(
            "params.morale.management_weight",
            m.management_weight,
            0.0,
            1.0,
        );
        self.num("params.morale.debt_weight", m.debt_weight, 0.0, 1.0);
        self.num("params.morale.crunch_weight", m.crunch_weight, 0.0, 1.0);
        self.num("params.morale.time_constant", m.time_constant, 1.0, 104.0);
        self.num("params.morale.base_attrition", m.base_attrition, 0.0, 1.0);
        self.num(
            "params.morale.attrition_sensitivity",
            m.attrition_sensitivity,
            0.0,
            10.0,
        );
        self.num("params.morale.leaver_cost", m.leaver_cost, 0.0, 5.0);

        let w = &p.power;
        self.num(
            "params.power.legitimate_lag_weeks",
            w.legitimate_lag_weeks,
            1.0,
            104.0,
        );
        self.num(
            "params.power.informational_lag_weeks",
            w.informational_lag_weeks,
            1.0,
            104.0,
        );
        self.num("params.power.expert_gain", w.expert_gain, 0.0, 1.0);
        self.num(
            "params.power.expert_min_hours",
            w.expert_min_hours,
            0.0,
            80.0,
        );
        self.num(
            "params.power.expert_half_life",
            w.expert_half_life,
            1.0,
            1040.0,
        );
        self.num("params.power.referent_gain", w.referent_gain, 0.0, 1.0);
        self.num(
            "params.power.referent_half_life",
            w.referent_half_life,
            1.0,
            1040.0,
        );
        self.num("params.power.forum_rights", w.forum_rights, 0.0, 1.0);
        self.num("params.power.advisory_rights", w.advisory_rights, 0.0, 1.0);
        self.num(
            "params.power.reward_without_reviews",
            w.reward_without_reviews,
            0.0,
            1.0,
        );
        for (i, x) in w.weights.iter().enumerate() {
            self.num(&format!("params.power.weights[{i}]"), *x, 0.0, 1.0);
        }
        let total: f64 = w.weights.iter().sum();
        if total.is_finite() && (total - 1.0).abs() > 0.01 {
            self.warning(
                "params.power.weights",
                format!("the weights add up to {total:.2}; influence is meant to run 0–1, so they should add up to 1"),
            );
        }
        self.num("params.power.credit_weight", w.credit_weight, 0.0, 2.0);
        self.num(
            "params.power.contest_steepness",
            w.contest_steepness,
            0.1,
            100.0,
        );
        self.num(
            "params.power.contest_threshold",
            w.contest_threshold,
            -1.0,
            1.0,
        );
        self.num(
            "params.power.vp_position_power",
            w.vp_position_power,
            0.0,
            1.0,
        );
        self.num("params.power.vp_ramp_power", w.vp_ramp_power, 0.0, 1.0);
        self.num("params.power.take_back_cost", w.take_back_cost, 0.0, 1.0);
        self.num(
            "params.power.take_back_refused_cost",
            w.take_back_refused_cost,
            0.0,
            1.0,
        );
        self.int(
            "params.power.take_back_cooldown_weeks",
            u64::from(w.take_back_cooldown_weeks),
            0,
            520,
        );

        let s = &p.strategy;
        self.num("params.strategy.alignment_gain", s.alignment_gain, 0.0, 1.0);
        self.num("params.strategy.market_drift", s.market_drift, 0.0, 0.5);
        self.num(
            "params.strategy.direction_without_cto",
            s.direction_without_cto,
            0.0,
            1.0,
        );
        self.int(
            "params.strategy.bet_interval_weeks",
            u64::from(s.bet_interval_weeks),
            0,
            104,
        );
        self.num("params.strategy.bet_min_hours", s.bet_min_hours, 0.0, 80.0);
        for (name, x) in [
            ("bet_expert", s.bet_expert),
            ("bet_credits", s.bet_credits),
            ("bet_fit", s.bet_fit),
            ("override_credits", s.override_credits),
            ("review_slip_below", s.review_slip_below),
            ("review_deliver_at", s.review_deliver_at),
            ("review_slip_credits", s.review_slip_credits),
            ("review_deliver_credits", s.review_deliver_credits),
            ("raise_failed_credits", s.raise_failed_credits),
        ] {
            self.num(&format!("params.strategy.{name}"), x, 0.0, 1.0);
        }

        let b = &p.business;
        self.num("params.business.fit_learning", b.fit_learning, 0.0, 1.0);
        self.num("params.business.growth_ceiling", b.growth_ceiling, 0.0, 0.5);
        self.num(
            "params.business.growth_exponent",
            b.growth_exponent,
            -2.0,
            2.0,
        );
        for (i, x) in b.growth_bounds.iter().enumerate() {
            self.num(&format!("params.business.growth_bounds[{i}]"), *x, 0.0, 0.5);
        }
        if b.growth_bounds[0] > b.growth_bounds[1] {
            self.error(
                "params.business.growth_bounds",
                "the lower bound is above the upper bound",
            );
        }
        self.num("params.business.churn", b.churn, 0.0, 0.5);
        self.num("params.business.founder_sales", b.founder_sales, 0.0, 1e8);
        self.num("params.business.points_needed", b.points_needed, 0.01, 1e4);
        for (i, x) in b.salaries.iter().enumerate() {
            self.num(&format!("params.business.salaries[{i}]"), *x, 0.0, 1e8);
        }
        self.num("params.business.other_salary", b.other_salary, 0.0, 1e8);
        for (i, x) in b.engineering_share.iter().enumerate() {
            self.num(
                &format!("params.business.engineering_share[{i}]"),
                *x,
                0.05,
                1.0,
            );
        }
        self.num("params.business.opex", b.opex, 0.0, 10.0);
        self.num(
            "params.business.raise_below_runway_months",
            b.raise_below_runway_months,
            0.0,
            999.0,
        );
        self.int(
            "params.business.raise_weeks",
            u64::from(b.raise_weeks),
            1,
            104,
        );
        self.num(
            "params.business.max_burn_multiple",
            b.max_burn_multiple,
            0.0,
            99.0,
        );
        for (i, x) in b.appetite.iter().enumerate() {
            self.num(&format!("params.business.appetite[{i}]"), *x, 0.01, 10.0);
        }
        if b.appetite[0] > b.appetite[1] {
            self.error(
                "params.business.appetite",
                "the lower bound is above the upper bound",
            );
        }
        self.num("params.business.bridge_at", b.bridge_at, 0.0, 1.0);
        self.num("params.business.bridge_size", b.bridge_size, 0.0, 1.0);
        if b.rounds.len() > Stage::ALL.len() - 1 {
            self.error(
                "params.business.rounds",
                format!("at most {} rounds", Stage::ALL.len() - 1),
            );
        }
        let mut seen = Vec::new();
        for (i, r) in b.rounds.iter().enumerate() {
            let path = format!("params.business.rounds[{i}]");
            self.num(&format!("{path}.arr_bar"), r.arr_bar, 0.0, 1e12);
            self.num(&format!("{path}.size"), r.size, 0.0, 1e12);
            if r.from == Stage::Growth {
                self.error(
                    format!("{path}.from"),
                    "there is no stage after Growth to raise into",
                );
            }
            if seen.contains(&r.from) {
                self.error(
                    format!("{path}.from"),
                    format!("a second round from {:?}", r.from),
                );
            }
            seen.push(r.from);
        }

        let en = &p.endings;
        self.int(
            "params.endings.puppet_weeks",
            u64::from(en.puppet_weeks),
            1,
            520,
        );
        self.int(
            "params.endings.ten_x_weeks",
            u64::from(en.ten_x_weeks),
            1,
            520,
        );
        self.int(
            "params.endings.ten_x_coding_weeks",
            u64::from(en.ten_x_coding_weeks),
            0,
            16,
        );
        self.int(
            "params.endings.fired_weeks",
            u64::from(en.fired_weeks),
            1,
            520,
        );
        for (name, x) in [
            ("puppet_authority", en.puppet_authority),
            ("puppet_influence", en.puppet_influence),
            ("puppet_adoption", en.puppet_adoption),
            ("ten_x_coding_share", en.ten_x_coding_share),
            ("ten_x_coverage", en.ten_x_coverage),
            ("fired_credits", en.fired_credits),
        ] {
            self.num(&format!("params.endings.{name}"), x, 0.0, 1.0);
        }
        self.num("params.endings.ipo_arr", en.ipo_arr, 0.0, 1e12);
    }

    fn condition(&mut self, path: &str, c: &Condition) {
        self.num(&format!("{path}.value"), c.value, -1e12, 1e12);
    }

    /// Whether every condition of `when` can hold at once (each inside its
    /// metric's range, and no two on one metric contradicting each other).
    fn satisfiable(when: &[Condition], horizon: u32) -> bool {
        for m in Metric::ALL {
            let (mut lo, mut hi) = m.range();
            if m == Metric::Week {
                hi = f64::from(horizon);
            }
            let (mut lo_open, mut hi_open) = (false, false);
            for c in when.iter().filter(|c| c.metric == m) {
                match c.op {
                    Op::AtLeast if c.value > lo || (c.value == lo && lo_open) => {
                        lo = c.value;
                        lo_open = false;
                    }
                    Op::Above if c.value >= lo => {
                        lo = c.value;
                        lo_open = true;
                    }
                    Op::AtMost if c.value < hi || (c.value == hi && hi_open) => {
                        hi = c.value;
                        hi_open = false;
                    }
                    Op::Below if c.value <= hi => {
                        hi = c.value;
                        hi_open = true;
                    }
                    _ => {}
                }
            }
            if lo > hi || (lo == hi && (lo_open || hi_open)) {
                return false;
            }
        }
        true
    }

    fn endings(&mut self, sc: &Scenario) {
        if sc.endings.len() > MAX_ENDINGS {
            self.error(
                "endings",
                format!("{} endings; at most {MAX_ENDINGS}", sc.endings.len()),
            );
        }
        let builtin: Vec<&str> = Ending::ALL.iter().map(|e| e.id()).collect();
        for (i, end) in sc.endings.iter().enumerate() {
            let path = format!("endings[{i}]");
            self.ending(sc, &path, end, &builtin);
            if sc.endings[..i].iter().any(|e| e.id == end.id) {
                self.error(
                    format!("{path}.id"),
                    format!("the id `{}` is used twice", end.id),
                );
            }
        }
    }

    fn ending(&mut self, sc: &Scenario, path: &str, end: &CustomEnding, builtin: &[&str]) {
        if !is_snake_case(&end.id) {
            self.error(
                format!("{path}.id"),
                format!("`{}` is not a snake_case identifier", end.id),
            );
        }
        if builtin.contains(&end.id.as_str()) {
            self.error(
                format!("{path}.id"),
                format!("`{}` is a built-in ending; give yours another id", end.id),
            );
        }
        self.text(&format!("{path}.title"), &end.title, MAX_NAME, true);
        if end.when.is_empty() {
            self.error(
                format!("{path}.when"),
                "an ending without conditions would end every run in week 1",
            );
        }
        if end.when.len() > MAX_LIST {
            self.error(
                format!("{path}.when"),
                format!("at most {MAX_LIST} conditions"),
            );
        }
        for (j, c) in end.when.iter().enumerate() {
            self.condition(&format!("{path}.when[{j}]"), c);
        }
        self.int(
            &format!("{path}.for_weeks"),
            u64::from(end.for_weeks),
            1,
            u64::from(sc.horizon_weeks.max(1)),
        );
        if let Some(f) = end.score_factor {
            self.num(&format!("{path}.score_factor"), f, 0.0, 1.5);
        }
        if !end.when.is_empty() && !Self::satisfiable(&end.when, sc.horizon_weeks) {
            self.error(
                format!("{path}.when"),
                "this ending is unreachable: its conditions can never all hold before the horizon",
            );
        }
    }

    fn events(&mut self, sc: &Scenario) {
        if sc.events.len() > MAX_EVENTS {
            self.error(
                "events",
                format!("{} events; at most {MAX_EVENTS}", sc.events.len()),
            );
            return;
        }
        let ids: Vec<&str> = sc.events.iter().map(|e| e.id.as_str()).collect();
        let metric_names: Vec<&str> = Metric::ALL.iter().map(|m| m.name()).collect();
        let writable: Vec<&str> = Metric::ALL
            .iter()
            .filter(|m| m.is_writable())
            .map(|m| m.name())
            .collect();
        let mut followed = vec![false; sc.events.len()];
        for (i, ev) in sc.events.iter().enumerate() {
            let path = format!("events[{i}]");
            if !is_snake_case(&ev.id) {
                self.error(
                    format!("{path}.id"),
                    format!("`{}` is not a snake_case identifier", ev.id),
                );
            }
            if ids[..i].contains(&ev.id.as_str()) {
                self.error(
                    format!("{path}.id"),
                    format!("the id `{}` is used twice", ev.id),
                );
            }
            self.text(&format!("{path}.title"), &ev.title, MAX_NAME, true);
            self.text(&format!("{path}.text"), &ev.text, MAX_TEXT, true);
            for name in placeholders(&ev.text) {
                if !metric_names.contains(&name) {
                    self.error_hint(
                        format!("{path}.text"),
                        format!("unknown placeholder `{{{name}}}`"),
                        suggest::hint(name, &metric_names),
                    );
                }
            }
            self.num(&format!("{path}.chance"), ev.chance, 0.0, 1.0);
            if ev.chance == 0.0 && !ev.follow_up_only {
                self.warning(
                    format!("{path}.chance"),
                    "a chance of 0 means the event never fires on its own",
                );
            }
            self.int(
                &format!("{path}.cooldown_weeks"),
                u64::from(ev.cooldown_weeks),
                0,
                1040,
            );
            if ev.when.len() > MAX_LIST {
                self.error(
                    format!("{path}.when"),
                    format!("at most {MAX_LIST} conditions"),
                );
            }
            for (j, c) in ev.when.iter().enumerate() {
                self.condition(&format!("{path}.when[{j}]"), c);
            }
            if !ev.follow_up_only && !Self::satisfiable(&ev.when, sc.horizon_weeks) {
                self.warning(
                    format!("{path}.when"),
                    "these conditions can never all hold: the event never fires",
                );
            }
            if ev.choices.is_empty() {
                self.error(
                    format!("{path}.choices"),
                    "an event needs at least one choice",
                );
            }
            if ev.choices.len() > MAX_CHOICES {
                self.error(
                    format!("{path}.choices"),
                    format!("at most {MAX_CHOICES} choices"),
                );
            }
            if !ev.choices.is_empty() && ev.default_choice >= ev.choices.len() {
                self.error(
                    format!("{path}.default_choice"),
                    format!(
                        "there is no choice {} (choices are numbered from 0 to {})",
                        ev.default_choice,
                        ev.choices.len() - 1
                    ),
                );
            }
            for (j, ch) in ev.choices.iter().enumerate().take(MAX_CHOICES) {
                let cpath = format!("{path}.choices[{j}]");
                self.text(&format!("{cpath}.label"), &ch.label, MAX_NAME, true);
                if ch.effects.is_empty() {
                    self.error_hint(
                        format!("{cpath}.effects"),
                        "a choice without effect",
                        "give every choice at least one effect, e.g. `Change(metric: morale, by: 0.02)`".into(),
                    );
                }
                if ch.effects.len() > MAX_LIST {
                    self.error(
                        format!("{cpath}.effects"),
                        format!("at most {MAX_LIST} effects"),
                    );
                }
                for (k, eff) in ch.effects.iter().enumerate().take(MAX_LIST) {
                    let epath = format!("{cpath}.effects[{k}]");
                    self.effect(&epath, eff, &ids, &writable, &mut followed);
                }
            }
        }
        for (i, ev) in sc.events.iter().enumerate() {
            if ev.follow_up_only && !followed[i] {
                self.warning(
                    format!("events[{i}].follow_up_only"),
                    "no choice follows up with this event, so it never fires",
                );
            }
        }
    }

    fn effect(
        &mut self,
        path: &str,
        eff: &Effect,
        ids: &[&str],
        writable: &[&str],
        followed: &mut [bool],
    ) {
        let change = |c: &mut Self, metric: Metric, by: f64| {
            if !metric.is_writable() {
                c.error_hint(
                    format!("{path}.metric"),
                    format!(
                        "`{}` can be read in conditions but not changed",
                        metric.name()
                    ),
                    format!("an effect can change: {}", writable.join(", ")),
                );
            }
            let limit = match metric.range() {
                (0.0, 1.0) => 1.0,
                _ if metric == Metric::Engineers => 500.0,
                _ => 1e10,
            };
            c.num(&format!("{path}.by"), by, -limit, limit);
        };
        match eff {
            Effect::Change { metric, by } => change(self, *metric, *by),
            Effect::Spread { metric, by, weeks } => {
                change(self, *metric, *by);
                self.int(&format!("{path}.weeks"), u64::from(*weeks), 1, 520);
            }
            Effect::VpLine(_) => {}
            Effect::Tune { param, by } => {
                let limit = param.max_shift();
                self.num(&format!("{path}.by"), *by, -limit, limit);
                let _: Tunable = *param;
            }
            Effect::FollowUp { event, weeks } => {
                match ids.iter().position(|id| id == event) {
                    Some(i) => followed[i] = true,
                    None => self.error_hint(
                        format!("{path}.event"),
                        format!("there is no event with id `{event}`"),
                        suggest::hint(event, ids),
                    ),
                }
                self.int(&format!("{path}.weeks"), u64::from(*weeks), 1, 520);
            }
        }
    }
}
