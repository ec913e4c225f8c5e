//! Seeded randomness for the engine.
//!
//! Every random draw in the simulation goes through [`SimRng`], a thin wrapper over
//! PCG-64 (MCG variant, `rand_pcg` pinned with `=` in `Cargo.toml`). The sampling
//! helpers are our own, written with integer arithmetic and IEEE basic operations
//! only, so a given seed produces the same bits on every machine and with every
//! future version of the `rand` ecosystem. Golden vectors in the tests pin them.
//!
//! Each subsystem draws from its own stream ([`Stream`]) so that adding a draw to,
//! say, fund-raising does not shift the attrition draws of every later week.

use rand_core::Rng;
use rand_pcg::Pcg64Mcg;

/// The subsystems that draw random numbers, each from its own stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Attrition of engineers and managers.
    People = 1,
    /// Outcomes of technology bets (choice opportunities).
    Strategy = 2,
    /// Investor appetite when a round closes.
    Funding = 3,
    /// Which scenario events fire.
    Events = 4,
    /// Reserved for bots that play at random (outside the engine).
    Policy = 5,
    /// Whether the CEO agrees to give a VP back to the CTO.
    Politics = 6,
    /// The thresholds of a scenario's own endings drawn once per run (a
    /// condition's `spread`): read at the start only, so a scenario without
    /// spreads draws nothing from it and the other streams never shift.
    Board = 7,
}

/// SplitMix64 finaliser: spreads a seed over all 64 bits.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A portable, seedable random number generator with our own sampling helpers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimRng {
    inner: Pcg64Mcg,
}

impl SimRng {
    /// The generator for one `stream` of the run seeded with `seed`.
    pub fn new(seed: u64, stream: Stream) -> Self {
        let hi = splitmix64(seed ^ (stream as u64).wrapping_mul(0xA076_1D64_78BD_642F));
        let lo = splitmix64(hi ^ seed.rotate_left(17) ^ stream as u64);
        SimRng {
            inner: Pcg64Mcg::new((u128::from(hi) << 64) | u128::from(lo)),
        }
    }

    /// The generator's internal state (for the state hash).
    pub fn state(&self) -> u128 {
        self.inner.state()
    }

    /// The next raw 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }

    /// A uniform integer in `0..n` without modulo bias (Lemire's method with
    /// rejection). Returns 0 when `n == 0`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// A uniform float in `[0, 1)` with 53 bits of precision.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// `true` with probability `p` (clamped to `[0, 1]`; NaN counts as 0).
    pub fn chance(&mut self, p: f64) -> bool {
        let p = if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) };
        self.unit() < p
    }

    /// A uniform float in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// The number of successes in `n` independent trials of probability `p`.
    ///
    /// Inversion of the cumulative distribution, one uniform per call; the
    /// probabilities are built with basic arithmetic only, so the result is
    /// the same on every platform.
    pub fn binomial(&mut self, n: u32, p: f64) -> u32 {
        if n == 0 || p.is_nan() || p <= 0.0 {
            return 0;
        }
        if p >= 1.0 {
            return n;
        }
        // Work with the smaller tail so the walk stays short.
        if p > 0.5 {
            return n - self.binomial(n, 1.0 - p);
        }
        // The walk starts from q^n, which underflows to zero for large n (at
        // p = 0.5, from n = 1075). A sum of independent binomials is binomial, so
        // large n is drawn in blocks small enough for q^n to stay a normal
        // number (q ≥ 0.5 here, and 0.5^1000 ≈ 9e-302). Draws for n ≤ 1000 are
        // unchanged.
        if n > BINOMIAL_BLOCK {
            let mut k = 0;
            let mut left = n;
            while left > 0 {
                let block = left.min(BINOMIAL_BLOCK);
                k += self.binomial(block, p);
                left -= block;
            }
            return k;
        }
        let u = self.unit();
        let q = 1.0 - p;
        let ratio = p / q;
        let mut prob = powi(q, n);
        let mut cdf = prob;
        let mut k = 0u32;
        while u >= cdf && k < n {
            prob *= ratio * f64::from(n - k) / f64::from(k + 1);
            k += 1;
            cdf += prob;
            if prob <= 0.0 {
                break;
            }
        }
        k
    }
}

/// `x` to the whole power `n` by repeated squaring: basic multiplication
/// only, so it gives the same bits everywhere, and a few multiplications
/// where `libm::pow` takes a logarithm and an exponential (the two attrition
/// draws of every week start from it).
fn powi(x: f64, mut n: u32) -> f64 {
    let mut result = 1.0;
    let mut base = x;
    while n > 0 {
        if n & 1 == 1 {
            result *= base;
        }
        base *= base;
        n >>= 1;
    }
    result
}

/// Largest `n` [`SimRng::binomial`] draws in one walk.
const BINOMIAL_BLOCK: u32 = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binomial_is_right_for_large_n() {
        // Before drawing in blocks, q^n underflowed and every draw was 1.
        let mut rng = SimRng::new(3, Stream::People);
        let draws: Vec<u32> = (0..400).map(|_| rng.binomial(2000, 0.5)).collect();
        let mean = draws.iter().map(|&k| f64::from(k)).sum::<f64>() / 400.0;
        let var = draws
            .iter()
            .map(|&k| (f64::from(k) - mean) * (f64::from(k) - mean))
            .sum::<f64>()
            / 399.0;
        // Mean 1000 and variance 500 (sd 22.4); the mean of 400 draws has sd 1.1.
        assert!((mean - 1000.0).abs() < 6.0, "mean {mean}");
        assert!((350.0..650.0).contains(&var), "variance {var}");
        assert!(
            draws.iter().all(|&k| (850..=1150).contains(&k)),
            "{draws:?}"
        );
        // Large n at a small p, and at p > 0.5 (the mirrored tail).
        let mut rng = SimRng::new(4, Stream::People);
        let small: f64 = (0..400)
            .map(|_| f64::from(rng.binomial(5000, 0.01)))
            .sum::<f64>()
            / 400.0;
        assert!((small - 50.0).abs() < 2.0, "mean {small}");
        let high: f64 = (0..400)
            .map(|_| f64::from(rng.binomial(3000, 0.9)))
            .sum::<f64>()
            / 400.0;
        assert!((high - 2700.0).abs() < 3.0, "mean {high}");
    }

    // Golden vectors: if one of these changes, every saved run changes with it.
    // That is a rules-version change, never a silent one.
    #[test]
    fn raw_stream_matches_the_golden_vector() {
        let mut rng = SimRng::new(42, Stream::People);
        let got: Vec<u64> = (0..4).map(|_| rng.next_u64()).collect();
        assert_eq!(got, GOLDEN_RAW);
    }

    #[test]
    fn sampling_helpers_match_the_golden_vectors() {
        let mut rng = SimRng::new(7, Stream::Strategy);
        let below: Vec<u64> = (0..8).map(|_| rng.below(10)).collect();
        assert_eq!(below, GOLDEN_BELOW);
        let binom: Vec<u32> = (0..8).map(|_| rng.binomial(40, 0.1)).collect();
        assert_eq!(binom, GOLDEN_BINOMIAL);
        let unit = rng.unit();
        assert_eq!(unit.to_bits(), GOLDEN_UNIT_BITS);
    }

    const GOLDEN_RAW: [u64; 4] = [
        5384450834683879939,
        16755325177588817018,
        17083150210689740794,
        2520741156804474354,
    ];
    const GOLDEN_BELOW: [u64; 8] = [6, 0, 4, 2, 6, 6, 7, 0];
    const GOLDEN_BINOMIAL: [u32; 8] = [3, 3, 6, 5, 5, 5, 2, 5];
    const GOLDEN_UNIT_BITS: u64 = 4602915986027896765;

    #[test]
    fn streams_of_one_seed_are_independent() {
        let a: Vec<u64> = {
            let mut r = SimRng::new(1, Stream::People);
            (0..16).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = SimRng::new(1, Stream::Funding);
            (0..16).map(|_| r.next_u64()).collect()
        };
        assert!(a.iter().zip(&b).all(|(x, y)| x != y));
    }

    #[test]
    fn below_is_uniform_enough_over_many_draws() {
        let mut rng = SimRng::new(3, Stream::Events);
        let mut counts = [0u32; 6];
        for _ in 0..60_000 {
            counts[rng.below(6) as usize] += 1;
        }
        for c in counts {
            assert!((9_400..10_600).contains(&c), "count {c} far from 10,000");
        }
    }

    #[test]
    fn binomial_has_the_right_mean_and_stays_in_range() {
        let mut rng = SimRng::new(9, Stream::People);
        let mut total = 0u64;
        for _ in 0..20_000 {
            let k = rng.binomial(50, 0.2);
            assert!(k <= 50);
            total += u64::from(k);
        }
        let mean = total as f64 / 20_000.0;
        assert!((mean - 10.0).abs() < 0.15, "mean {mean}");
        assert_eq!(rng.binomial(0, 0.5), 0);
        assert_eq!(rng.binomial(12, 0.0), 0);
        assert_eq!(rng.binomial(12, 1.0), 12);
        assert_eq!(rng.binomial(12, f64::NAN), 0);
        let high: u32 = (0..1000).map(|_| rng.binomial(10, 0.9)).sum();
        assert!((8_800..9_200).contains(&high), "{high}");
    }
}
