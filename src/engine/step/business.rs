//! Stages 10–12: product-market fit and ARR (T2D3-shaped growth), burn and
//! cash, the burn multiple, fund-raising and the stage, and the board's
//! quarterly review of delivery.

use super::week::{clamp01, Week};
use crate::engine::events::Tunable;
use crate::engine::kinds::{Activity, BURN_MULTIPLE_CAP, RUNWAY_CAP};
use crate::engine::ledger::Cause;
use crate::engine::news::{News, Verdict};
use crate::engine::params::{BusinessParams, Role};
use crate::engine::state::{People, Stage};

impl Week<'_> {
    pub(super) fn business(&mut self) {
        self.staff();
        self.revenue();
        self.cash();
        self.burn_multiple();
    }

    /// Fit is learned by shipping in the right direction; ARR grows with fit,
    /// direction and delivery, under a ceiling that falls as ARR grows.
    fn revenue(&mut self) {
        let bp = &self.params.business;
        let sp = &self.params.strategy;
        let velocity = self.metrics.velocity;
        let direction = self.metrics.direction;
        let growth_ceiling = self.tuned(Tunable::GrowthCeiling, bp.growth_ceiling);
        let churn = self.tuned(Tunable::Churn, bp.churn);
        let hands_on = self.hands_on_learning();
        let c = &mut self.state.company;
        c.fit = clamp01(
            c.fit
                + bp.fit_learning
                    * (velocity / bp.fit_velocity.max(0.001)).min(bp.fit_velocity_cap)
                    * (direction - sp.direction_without_cto)
                + hands_on * (1.0 - c.fit)
                - bp.fit_erosion * c.fit,
        );
        let arr_m = (c.arr / 1e6).max(0.05);
        let ceiling = (growth_ceiling * libm::pow(arr_m, bp.growth_exponent))
            .clamp(bp.growth_bounds[0], bp.growth_bounds[1]);
        let lam_f = ((direction - bp.growth_direction_floor) / bp.growth_direction_span.max(0.001))
            .clamp(0.0, bp.growth_direction_cap);
        let needed = bp.points_needed * libm::sqrt((c.arr / 1e6).max(1.0));
        let delivery = (velocity / needed).min(1.0);
        self.metrics.delivery = delivery;
        let founder = if c.fit > bp.founder_sales_fit {
            bp.founder_sales
        } else {
            0.0
        };
        let service = self.service_churn();
        let c = &mut self.state.company;
        c.arr = (c.arr * (1.0 + ceiling * c.fit * lam_f * delivery - churn - service) + founder)
            .max(0.0);
    }

    /// Fit the CTO learns by building with customers: 20 hands-on hours a week
    /// give the full rate in a company of a few engineers, nothing once
    /// engineering has outgrown informal coordination.
    fn hands_on_learning(&self) -> f64 {
        let e_c = self.metrics.effective_hours[Activity::Coding];
        let bp = &self.params.business;
        bp.hands_on_fit * (e_c / bp.hands_on_hours.max(0.001)).min(1.0) * self.smallness()
    }

    /// The rest of the company follows its size for engineering and revenue
    /// ([`BusinessParams::staff_for`]), `staff_lag_weeks` behind: an engineer
    /// who leaves does not take a salesperson with them, and a round is not
    /// staffed the week it closes.
    fn staff(&mut self) {
        let bp = &self.params.business;
        let c = &mut self.state.company;
        let target = bp.staff_for(c.stage, self.state.people.headcount(), c.arr);
        c.staff += (target - c.staff) / bp.staff_lag_weeks.max(1.0);
    }

    /// Customers a company too small for its revenue cannot serve leave: past
    /// `arr_per_person` of ARR per person on the payroll, churn rises with the
    /// square of the overload (0 below it, so a company of a sensible size never
    /// feels it).
    fn service_churn(&self) -> f64 {
        let bp = &self.params.business;
        let overload = self.state.service_overload(bp.arr_per_person);
        if overload > 0.0 {
            bp.service_churn * overload * overload
        } else {
            0.0
        }
    }

    /// Payroll, the rest of the company and operating costs against revenue.
    /// Runway reads the recurring burn: a one-off cost (a leaver, an event)
    /// or a refund moves cash, never the burn.
    fn cash(&mut self) {
        let bp = &self.params.business;
        let c = &mut self.state.company;
        let burn = recurring_costs(bp, &self.state.people, c.staff);
        let revenue = c.arr / 52.0 + self.one_off_revenue;
        let costs = burn + self.leaver_costs + self.one_off_costs;
        c.cash += revenue - costs;
        self.metrics.revenue = revenue;
        self.metrics.costs = costs;
        self.metrics.burn = (burn - c.arr / 52.0) * WEEKS_PER_MONTH;
        self.metrics.runway_months = runway(c.cash, self.metrics.burn);
    }

    /// Net burn over new ARR for the last 13 weeks.
    fn burn_multiple(&mut self) {
        let net_burn = self.metrics.costs - self.metrics.revenue;
        let arr = self.state.company.arr;
        let t = &mut self.state.tracking;
        let slot = (self.state.week % 13) as usize;
        // The slot about to be overwritten holds the value from 13 weeks ago.
        let arr_then = t.arr_window[slot];
        t.arr_window[slot] = arr;
        t.burn_window[slot] = net_burn;
        let burned: f64 = t.burn_window.iter().sum();
        let new_arr = arr - arr_then;
        self.metrics.burn_multiple = if burned <= 0.0 {
            0.0
        } else if new_arr <= 0.0 {
            BURN_MULTIPLE_CAP
        } else {
            (burned / new_arr).min(BURN_MULTIPLE_CAP)
        };
        t.peak_arr = t.peak_arr.max(arr);
    }

    /// Stage 11: raise when runway is short or ARR clears the bar; a raise
    /// closes, bridges or fails when its weeks are up.
    pub(super) fn funding(&mut self) {
        let bp = &self.params.business;
        let stage = self.state.company.stage;
        let Some(round) = bp.rounds.iter().find(|r| r.from == stage) else {
            return;
        };
        let raise = &mut self.state.raise;
        if raise.weeks_left == 0 {
            if self.metrics.runway_months < bp.raise_below_runway_months
                || self.state.company.arr >= round.arr_bar
            {
                // Some raises drag on: MODEL's 12–24 weeks around 16.
                let [low, high] = bp.raise_lateness;
                let weeks = f64::from(bp.raise_weeks) * self.rng.funding.uniform(low, high);
                self.state.raise.weeks_left = (libm::round(weeks) as u32).max(1);
                self.state.raise.since = self.state.week;
                self.state.news.push(News::RaiseStarted { stage });
            }
            return;
        }
        raise.weeks_left -= 1;
        if raise.weeks_left > 0 {
            return;
        }
        raise.since = 0;
        let appetite = self.rng.funding.uniform(bp.appetite[0], bp.appetite[1]);
        let verdict = Verdict {
            arr: self.state.company.arr,
            asked: round.arr_bar * appetite,
            burn_multiple: self.metrics.burn_multiple,
            max_burn: bp.max_burn_multiple,
        };
        let next = Stage::ALL.get(stage.index() + 1).copied();
        let funding = match next {
            Some(next) if verdict.convinced() => {
                self.state.company.stage = next;
                raise.bridged = false;
                let [low, high] = bp.round_size_range;
                let amount = round.size * self.rng.funding.uniform(low, high);
                // The next stage needs a new strategy.
                self.state.company.alignment *= 1.0 - self.params.strategy.round_realign;
                self.state.news.push(News::RoundClosed {
                    stage: next,
                    amount,
                });
                amount
            }
            _ if !raise.bridged && {
                let [low, high] = bp.bridge_appetite;
                verdict.arr >= bp.bridge_at * round.arr_bar * self.rng.funding.uniform(low, high)
            } =>
            {
                raise.bridged = true;
                let amount = bp.bridge_size * round.size;
                self.state.news.push(News::Bridge { amount, verdict });
                amount
            }
            _ => {
                self.state.news.push(News::RaiseFailed(verdict));
                self.change_credits(
                    -self.params.strategy.raise_failed_credits,
                    Cause::RaiseFailed,
                );
                0.0
            }
        };
        self.state.company.cash += funding;
        self.metrics.funding = funding;
        self.metrics.runway_months = runway(self.state.company.cash, self.metrics.burn);
    }

    /// Stage 12: the board's quarterly review of delivery moves credits.
    pub(super) fn quarterly_review(&mut self) {
        self.state.tracking.delivery_sum += self.metrics.delivery;
        let sp = &self.params.strategy;
        let quarter = sp.review_weeks.max(1);
        if !self.state.week.is_multiple_of(quarter) {
            return;
        }
        let delivery = self.state.tracking.delivery_sum / f64::from(quarter);
        self.state.tracking.delivery_sum = 0.0;
        if delivery < sp.review_slip_below {
            self.change_credits(-sp.review_slip_credits, Cause::RoadmapSlipped);
        } else if delivery >= sp.review_deliver_at {
            self.change_credits(sp.review_deliver_credits, Cause::Delivered);
        }
    }
}

/// Weeks in a month.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The company's recurring weekly costs: engineering's payroll, the CTO's, the
/// rest of the company (`staff` people) and operating costs.
pub(super) fn recurring_costs(bp: &BusinessParams, people: &People, staff: f64) -> f64 {
    let payroll = f64::from(people.engineers()) * bp.salary(Role::Engineer)
        + f64::from(people.managers) * bp.salary(Role::Manager)
        + people.vps.len() as f64 * bp.salary(Role::Vp)
        + bp.salary(Role::Cto);
    (payroll + staff * bp.other_salary) * (1.0 + bp.opex) / 52.0
}

/// Months of runway with `cash` at a monthly net burn of `burn` (capped).
pub(super) fn runway(cash: f64, burn: f64) -> f64 {
    if burn > 0.0 {
        (cash / burn).clamp(0.0, RUNWAY_CAP)
    } else {
        RUNWAY_CAP
    }
}
