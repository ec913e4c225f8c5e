//! The canonical encoding of a [`State`] for the state hash. Kept apart from
//! the state's definition: this is the one place that must name every field.

use super::hash::StateHasher;
use super::state::{
    Company, EndingBar, Metrics, Ongoing, PendingEvent, People, Power, Raise, ReportingLine,
    Scheduled, State, Tracking, Trends, Vp,
};

impl State {
    /// Feed the canonical encoding of the state into `h`.
    ///
    /// Every field, in a fixed order. Each struct is destructured without `..`,
    /// so a field added later does not compile until it is hashed here (or
    /// named and skipped on purpose). News and the ledger are explanations of
    /// the numbers, not extra state, and are hashed through their counts only.
    pub fn hash_into(&self, h: &mut StateHasher) {
        let State {
            week,
            company,
            people,
            power,
            fatigue,
            coding_multiple,
            strategy_skill,
            tuning,
            raise,
            metrics,
            tracking,
            pending,
            event_last_fired,
            ongoing,
            scheduled,
            deadlines,
            ending_streaks,
            ending_bars,
            news,
            ledger,
            ending,
        } = self;
        h.u64(u64::from(*week));
        company.hash_into(h);
        people.hash_into(h);
        let Power {
            legitimate,
            reward,
            informational,
            expert,
            referent,
            credits,
        } = *power;
        for x in [legitimate, reward, informational, expert, referent, credits] {
            h.f64(x);
        }
        h.f64(*fatigue);
        h.f64(*coding_multiple);
        h.f64(*strategy_skill);
        for x in tuning {
            h.f64(*x);
        }
        let Raise {
            weeks_left,
            bridged,
            since,
        } = *raise;
        h.u64(u64::from(weeks_left));
        h.u64(u64::from(bridged));
        h.u64(u64::from(since));
        metrics.hash_into(h);
        tracking.hash_into(h);
        hash_events(h, pending, event_last_fired, ongoing, scheduled);
        hash_deadlines(h, deadlines);
        for &streak in ending_streaks {
            h.u64(u64::from(streak));
        }
        // Nothing when no condition has a spread: such runs hash as before.
        for &EndingBar {
            ending,
            condition,
            value,
        } in ending_bars
        {
            h.u64(u64::from(ending));
            h.u64(u64::from(condition));
            h.f64(value);
        }
        h.u64(news.len() as u64);
        h.u64(ledger.len() as u64);
        h.u64(ending.map_or(u64::MAX, |e| e.code()));
    }
}

impl Company {
    fn hash_into(&self, h: &mut StateHasher) {
        let Company {
            stage,
            cash,
            arr,
            fit,
            contested_fit,
            alignment,
            debt,
            codebase,
            staff,
            morale,
        } = *self;
        h.u64(stage as u64);
        for x in [cash, arr, fit, alignment, debt, codebase, morale, staff] {
            h.f64(x);
        }
        // Only scenarios with contested shocks (`strategy.shock_settle`) ever
        // hold any: the runs recorded before them keep their hashes.
        if contested_fit != 0.0 {
            h.f64(contested_fit);
        }
    }
}

impl People {
    fn hash_into(&self, h: &mut StateHasher) {
        let People {
            experienced,
            ramping,
            pipeline,
            managers,
            vps,
            vp_search,
            hire_progress,
        } = self;
        h.u64(u64::from(*experienced));
        h.u64(ramping.len() as u64);
        for &r in ramping {
            h.u64(u64::from(r));
        }
        h.u64(pipeline.len() as u64);
        for &r in pipeline {
            h.u64(u64::from(r));
        }
        h.u64(u64::from(*managers));
        h.u64(vps.len() as u64);
        for Vp {
            age_weeks,
            line,
            refused_until,
        } in vps
        {
            h.u64(u64::from(*age_weeks));
            h.u64(u64::from(*refused_until));
            h.u64(match line {
                ReportingLine::Cto => 0,
                ReportingLine::Ceo { forum: false } => 1,
                ReportingLine::Ceo { forum: true } => 2,
            });
        }
        h.u64(vp_search.map_or(u64::MAX, u64::from));
        h.f64(*hire_progress);
    }
}

impl Metrics {
    fn hash_into(&self, h: &mut StateHasher) {
        let Metrics {
            effective_hours,
            efficiency,
            switching_loss,
            teams,
            communication_overhead,
            management_need,
            cto_coverage,
            org_coverage,
            needs_manager_of_managers,
            chain_share,
            contact,
            capacity,
            debt_tax,
            velocity,
            cto_velocity,
            quality,
            influence,
            opposing_power,
            adoption,
            direction,
            revenue,
            costs,
            funding,
            burn,
            runway_months,
            burn_multiple,
            delivery,
            attrition_rate,
            hires,
            leavers,
        } = *self;
        for x in effective_hours.0 {
            h.f64(x);
        }
        for x in [
            efficiency,
            switching_loss,
            teams,
            communication_overhead,
            management_need,
            cto_coverage,
            org_coverage,
            chain_share,
            contact,
            capacity,
            debt_tax,
            velocity,
            cto_velocity,
            quality,
            influence,
            opposing_power,
            adoption,
            direction,
            revenue,
            costs,
            funding,
            burn,
            runway_months,
            burn_multiple,
            delivery,
            attrition_rate,
        ] {
            h.f64(x);
        }
        h.u64(u64::from(needs_manager_of_managers));
        h.u64(u64::from(hires));
        h.u64(u64::from(leavers));
    }
}

impl Tracking {
    fn hash_into(&self, h: &mut StateHasher) {
        let Tracking {
            arr_window,
            burn_window,
            coding_weeks,
            puppet_streak,
            puppet_bar,
            ten_x_streak,
            fired_streak,
            bets_with_cto,
            bets_without_cto,
            bets_overridden,
            bets_won,
            bets_lost,
            pull_sum,
            peak_arr,
            delivery_sum,
            trends,
        } = *self;
        for x in arr_window.iter().chain(burn_window.iter()) {
            h.f64(*x);
        }
        h.u64(u64::from(coding_weeks));
        for x in [
            puppet_streak,
            ten_x_streak,
            fired_streak,
            bets_with_cto,
            bets_without_cto,
            bets_overridden,
            bets_won,
            bets_lost,
        ] {
            h.u64(u64::from(x));
        }
        h.f64(puppet_bar);
        h.f64(pull_sum);
        h.f64(peak_arr);
        h.f64(delivery_sum);
        let Trends {
            credits,
            authority,
            influence,
            adoption,
        } = trends;
        for x in [credits, authority, influence, adoption] {
            h.f64(x);
        }
    }
}

/// The running deadlines: nothing when none runs, so such runs hash as
/// before deadlines existed.
fn hash_deadlines(h: &mut StateHasher, deadlines: &[super::state::Deadline]) {
    for d in deadlines {
        for x in [d.event, d.choice, d.effect] {
            h.u64(x as u64);
        }
        h.u64(u64::from(d.from));
        h.u64(u64::from(d.until));
        h.f64(d.done);
    }
}

/// The event machinery: pending events, when each fired last, effects under
/// way and follow-ups waiting.
fn hash_events(
    h: &mut StateHasher,
    pending: &[PendingEvent],
    event_last_fired: &[Option<u32>],
    ongoing: &[Ongoing],
    scheduled: &[Scheduled],
) {
    h.u64(pending.len() as u64);
    for PendingEvent { event, week } in pending {
        h.u64(*event as u64);
        h.u64(u64::from(*week));
    }
    for last in event_last_fired {
        h.u64(last.map_or(u64::MAX, u64::from));
    }
    h.u64(ongoing.len() as u64);
    for Ongoing {
        event,
        metric,
        per_week,
        ends,
    } in ongoing
    {
        h.u64(*event as u64);
        h.u64(*metric as u64);
        h.f64(*per_week);
        h.u64(ends.len() as u64);
        for (end, step) in ends {
            h.u64(u64::from(*end));
            h.f64(*step);
        }
    }
    h.u64(scheduled.len() as u64);
    for Scheduled { event, week } in scheduled {
        h.u64(*event as u64);
        h.u64(u64::from(*week));
    }
}
