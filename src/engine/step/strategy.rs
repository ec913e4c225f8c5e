//! Stage 7: strategy alignment (the CTO's technology agenda against viable
//! business lines) and technology bets decided in garbage-can choice
//! opportunities (Cohen, March & Olsen).

use super::week::{clamp01, Week};
use crate::engine::events::Tunable;
use crate::engine::kinds::Activity;
use crate::engine::ledger::Cause;
use crate::engine::news::News;
use crate::engine::state::PowerBase;

impl Week<'_> {
    pub(super) fn strategy(&mut self) {
        self.market_shock();
        self.win_back();
        self.alignment();
        let sp = &self.params.strategy;
        if sp.bet_interval_weeks == 0 || !self.state.week.is_multiple_of(sp.bet_interval_weeks) {
            return;
        }
        self.technology_bet();
    }

    /// Markets move: now and then a competitor or a platform change takes
    /// away part of the fit and of the strategy's alignment with the market.
    fn market_shock(&mut self) {
        let sp = &self.params.strategy;
        if !self.rng.strategy.chance(sp.shock_chance) {
            return;
        }
        let c = &mut self.state.company;
        let lost = c.fit * sp.shock_fit;
        c.fit = clamp01(c.fit - lost);
        if sp.shock_settle > 0.0 {
            c.contested_fit = clamp01(c.contested_fit + lost);
        }
        c.alignment = clamp01(c.alignment * (1.0 - sp.shock_alignment));
        self.state.news.push(News::MarketShock);
    }

    /// After a competitor's move the fit it took is contested for a few
    /// weeks: each week strategy hours win back a share of it and the market
    /// settles a share of the rest. Hours answer a shock only while it is
    /// fresh, so a week of strategy now is worth more than one later.
    fn win_back(&mut self) {
        let sp = &self.params.strategy;
        let e_s = self.metrics.effective_hours[Activity::Strategy];
        let c = &mut self.state.company;
        if c.contested_fit <= 0.0 {
            return;
        }
        // Fit lost for good once the market settled it below a tenth of a point.
        let rate = clamp01(sp.shock_win_back * e_s / 10.0);
        let won = c.contested_fit * rate;
        c.fit = clamp01(c.fit + won);
        let left = (c.contested_fit - won) * (1.0 - sp.shock_settle);
        c.contested_fit = if left < 1e-3 { 0.0 } else { clamp01(left) };
    }

    /// Strategy hours raise alignment; the market drifts away from it. In a
    /// company of a few engineers, building with customers sharpens the
    /// strategy: hands-on hours, up to as many as go to strategy, count again
    /// as strategy hours (fading as engineering outgrows informal
    /// coordination). Building without thinking about the business, or
    /// thinking without building, does not.
    fn alignment(&mut self) {
        let sp = &self.params.strategy;
        let e_c = self.metrics.effective_hours[Activity::Coding];
        let e_s = self.metrics.effective_hours[Activity::Strategy];
        let e_s = e_s + self.smallness() * e_c.min(e_s);
        let drift = self.tuned(Tunable::MarketDrift, sp.market_drift);
        let skill = self.state.strategy_skill;
        let uninformed = sp.uninformed_alignment;
        let c = &mut self.state.company;
        let lam = c.alignment;
        let lam = lam
            + sp.alignment_gain
                * skill
                * (e_s / 10.0)
                * (1.0 - lam)
                * (uninformed + (1.0 - uninformed) * self.state.power.informational)
            - drift * lam;
        c.alignment = clamp01(lam);
        let adoption = self.metrics.adoption;
        self.metrics.direction =
            adoption * c.alignment + (1.0 - adoption) * sp.direction_without_cto;
    }

    /// A choice opportunity: closed with the CTO if the CTO shows up and the
    /// organisation follows, otherwise by oversight.
    fn technology_bet(&mut self) {
        let sp = &self.params.strategy;
        let e_s = self.metrics.effective_hours[Activity::Strategy];
        // The CTO is in the room as often as their strategy hours allow.
        let presence = (e_s / sp.bet_min_hours.max(0.001)).min(1.0);
        let shows_up = self.rng.strategy.chance(presence);
        let followed = self.rng.strategy.chance(self.metrics.adoption);
        let with_cto = shows_up && followed;
        let overridden = shows_up && !followed;
        let quality = if with_cto {
            self.state.company.alignment
        } else {
            sp.direction_without_cto
        };
        let [least, most] = sp.bet_odds_bounds;
        let odds = 0.5 + sp.bet_odds_slope * (quality - sp.bet_even_quality);
        let won = self.rng.strategy.chance(odds.clamp(least, most));
        let t = &mut self.state.tracking;
        if with_cto {
            t.bets_with_cto += 1;
        } else {
            t.bets_without_cto += 1;
        }
        if overridden {
            t.bets_overridden += 1;
        }
        if won {
            t.bets_won += 1;
        } else {
            t.bets_lost += 1;
        }
        let sign = if won { 1.0 } else { -1.0 };
        let c = &mut self.state.company;
        c.fit = clamp01(c.fit + sign * sp.bet_fit);
        if with_cto {
            let cause = if won { Cause::BetWon } else { Cause::BetLost };
            self.shift_base(PowerBase::Expert, sign * sp.bet_expert, cause);
            self.change_credits(sign * sp.bet_credits, cause);
        }
        if overridden {
            self.change_credits(-sp.override_credits, Cause::Overridden);
        }
        self.state.news.push(News::Bet {
            with_cto,
            overridden,
            won,
        });
    }
}
