//! The scenario's `params`: every number against its declared bound
//! (`engine::params::bounds`), then the relations between numbers.

use super::numbers::numbers;
use super::Checker;
use crate::engine::params::bounds::BOUNDS;
use crate::engine::params::Params;
use crate::engine::Stage;

impl Checker<'_> {
    pub(super) fn params(&mut self, params: &Params) {
        let numbers = numbers(params);
        for b in BOUNDS {
            for (path, x) in numbers.get(b.path).into_iter().flatten() {
                if b.whole {
                    // Whole numbers are read as such by the parser; only the range is left.
                    self.int(path, *x as u64, b.min as u64, b.max as u64);
                } else {
                    self.num(path, *x, b.min, b.max);
                }
            }
        }
        self.relations(params);
    }

    /// What single bounds cannot say: orders, sums, and the rounds' stages.
    fn relations(&mut self, p: &Params) {
        let total: f64 = p.power.weights.iter().sum();
        if total.is_finite() && (total - 1.0).abs() > 0.01 {
            self.warning(
                "params.power.weights",
                format!("the weights add up to {total:.2}; influence is meant to run 0–1, so they should add up to 1"),
            );
        }
        let b = &p.business;
        if b.growth_bounds[0] > b.growth_bounds[1] {
            self.error(
                "params.business.growth_bounds",
                "the lower bound is above the upper bound",
            );
        }
        for (path, range) in [
            ("params.business.appetite", b.appetite),
            ("params.business.round_size_range", b.round_size_range),
            ("params.business.bridge_appetite", b.bridge_appetite),
            ("params.business.raise_lateness", b.raise_lateness),
            (
                "params.strategy.bet_odds_bounds",
                p.strategy.bet_odds_bounds,
            ),
        ] {
            if range[0] > range[1] {
                self.error(path, "the lower bound is above the upper bound");
            }
        }
        if b.rounds.len() > Stage::ALL.len() - 1 {
            self.error(
                "params.business.rounds",
                format!("at most {} rounds", Stage::ALL.len() - 1),
            );
        }
        let mut seen = Vec::new();
        for (i, r) in b.rounds.iter().enumerate() {
            let path = format!("params.business.rounds[{i}]");
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::params::Params;

    #[test]
    fn every_number_in_the_parameters_has_a_declared_bound() {
        // Parameters left out of the text while 0 (`is_zero`), set here so
        // that the walk sees them.
        let mut p = Params::default();
        p.strategy.shock_win_back = 0.5;
        p.strategy.shock_settle = 0.5;
        let numbers = numbers(&p);
        assert!(numbers.len() > 100, "{} parameters found", numbers.len());
        for key in numbers.keys() {
            assert!(
                crate::engine::params::bounds::bound(key).is_some(),
                "params.{key} has no bound in engine/params/bounds.rs"
            );
        }
        for b in BOUNDS {
            assert!(
                numbers.contains_key(b.path),
                "a bound for a parameter that does not exist: {}",
                b.path
            );
            assert!(b.min <= b.max, "{}", b.path);
        }
    }

    #[test]
    fn every_default_is_within_its_bound() {
        for (key, values) in numbers(&Params::default()) {
            let b = crate::engine::params::bounds::bound(&key).unwrap();
            for (path, x) in values {
                assert!(
                    (b.min..=b.max).contains(&x),
                    "{path} = {x} is outside {}–{}",
                    b.min,
                    b.max
                );
            }
        }
    }

    #[test]
    fn numbers_that_are_not_finite_are_seen() {
        let mut p = Params::default();
        p.attention.fatigue_decay = f64::NAN;
        p.business.salaries[2] = f64::INFINITY;
        let n = numbers(&p);
        assert!(n["attention.fatigue_decay"][0].1.is_nan());
        assert_eq!(
            n["business.salaries"][2],
            ("params.business.salaries[2]".to_string(), f64::INFINITY)
        );
    }
}
