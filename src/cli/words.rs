//! Small pieces of the commands' wording, shared by several commands.

/// The seeds of `runs` runs from `seed`, as a reader reads them: `seed 7`,
/// `seeds 1–50`, or, where the seeds wrap past the largest one back to 0,
/// `seeds 18446744073709551615 and 0–1`.
pub(super) fn seeds(seed: u64, runs: u32) -> String {
    let last = seed.wrapping_add(u64::from(runs.max(1)) - 1);
    let range = |a: u64, b: u64| {
        if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        }
    };
    if runs <= 1 {
        format!("seed {seed}")
    } else if last >= seed {
        format!("seeds {}", range(seed, last))
    } else {
        format!("seeds {} and {}", range(seed, u64::MAX), range(0, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_read_in_order_even_where_they_wrap_around() {
        assert_eq!(seeds(7, 1), "seed 7");
        assert_eq!(seeds(1, 50), "seeds 1–50");
        assert_eq!(seeds(u64::MAX, 3), "seeds 18446744073709551615 and 0–1");
        assert_eq!(
            seeds(u64::MAX - 1, 3),
            "seeds 18446744073709551614–18446744073709551615 and 0"
        );
        assert_eq!(seeds(u64::MAX, 1), "seed 18446744073709551615");
        assert_eq!(
            seeds(u64::MAX - 2, 3),
            "seeds 18446744073709551613–18446744073709551615"
        );
    }
}
