//! Stage 5: the structure the people make: teams, spans of control, how well
//! the CTO covers their direct reports and the organisation is managed, the
//! communication overhead (Brooks, Madachy) and the share of engineering in
//! the CTO's reporting chain.

use super::week::{ramp_fraction, Week};
use crate::engine::kinds::Activity;
use crate::engine::par::Reports;
use crate::engine::state::{ReportingLine, Vp};

/// Counts the structure stage works from.
struct Shape {
    /// Individual contributors.
    n: f64,
    /// Engineering managers.
    em: f64,
    /// VPs, and how many of them report to the CTO.
    n_vp: f64,
    to_cto: f64,
    /// Engineers inside managers' spans, and outside.
    em_cover: f64,
    uncovered: f64,
}

impl Week<'_> {
    pub(super) fn structure(&mut self) {
        let op = &self.params.org;
        let shape = self.shape();
        let Shape {
            n,
            em,
            n_vp,
            to_cto,
            uncovered,
            ..
        } = shape;
        let teams = (em + if uncovered > 0.0 { 1.0 } else { 0.0 }).max(1.0);
        let team_size = n / teams;
        let tm1 = (team_size - 1.0).max(0.0);
        let tn1 = teams - 1.0;
        let co = (op.communication_coefficient * (tm1 * tm1 + tn1 * tn1) / 100.0)
            .min(op.max_communication_overhead);

        // The CTO's direct reports and the hours they need (par reads the same).
        let vps_empty = self.state.people.vps.is_empty();
        let reports = Reports::of(&self.state.people, op);
        let cto_ics = reports.engineers;
        let need = reports.hours(op);
        let e_m = self.metrics.effective_hours[Activity::Management];
        let chi_cto = if need > 0.0 {
            (e_m / need).min(1.0)
        } else {
            1.0
        };
        let chi_org = self.org_coverage(&shape, cto_ics, chi_cto);

        // Share of engineering in the CTO's chain.
        let total = n + em;
        let share = if vps_empty || total <= 0.0 {
            1.0
        } else if to_cto == 0.0 {
            (cto_ics / total).min(1.0)
        } else {
            to_cto / n_vp
        };

        self.metrics.teams = teams;
        self.metrics.communication_overhead = co;
        self.metrics.management_need = need;
        self.metrics.cto_coverage = chi_cto;
        self.metrics.org_coverage = chi_org;
        self.metrics.needs_manager_of_managers = vps_empty && em > op.manager_of_managers_span;
        self.metrics.chain_share = share;
    }

    fn shape(&self) -> Shape {
        let people = &self.state.people;
        let n = f64::from(people.engineers());
        let em = f64::from(people.managers);
        let vps = &people.vps;
        let em_cover = self.params.org.manager_span * em;
        Shape {
            n,
            em,
            n_vp: vps.len() as f64,
            to_cto: vps.iter().filter(|v| v.line == ReportingLine::Cto).count() as f64,
            em_cover,
            uncovered: people.unmanaged_engineers(self.params.org.manager_span),
        }
    }

    /// How well the organisation is managed (0–1), given the CTO's own coverage
    /// of their direct reports.
    fn org_coverage(&self, shape: &Shape, cto_ics: f64, chi_cto: f64) -> f64 {
        let op = &self.params.org;
        let Shape {
            n,
            em,
            n_vp,
            to_cto,
            em_cover,
            uncovered,
            ..
        } = *shape;
        let vps: &[Vp] = &self.state.people.vps;
        let mom_capacity = self
            .state
            .people
            .managers_managed(op.manager_of_managers_span);
        let mom_ok = if em <= mom_capacity {
            1.0
        } else {
            mom_capacity / em
        };
        // Managers who report to a neglected CTO (or VP) manage worse.
        let neglected = op.neglected_manager_coverage;
        let neglect = neglected + (1.0 - neglected) * chi_cto;
        let em_factor = if vps.is_empty() || to_cto == n_vp {
            neglect
        } else {
            1.0
        };
        let vp_cover: f64 = vps
            .iter()
            .map(|v| {
                let r = ramp_fraction(v.age_weeks, self.params.hiring.vp_ramp_weeks);
                let f = if v.line == ReportingLine::Cto {
                    neglect
                } else {
                    1.0
                };
                op.manager_span * r * f
            })
            .sum();
        let covered = em_cover.min(n) * mom_ok * em_factor
            + vp_cover.min((uncovered - cto_ics).max(0.0))
            + cto_ics * chi_cto;
        let small = op.small_company_bonus * self.smallness();
        if n > 0.0 {
            (covered / n + small).min(1.0)
        } else {
            1.0
        }
    }
}
