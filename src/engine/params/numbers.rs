//! A field of several numbers (`appetite`, `salaries`, …) reads as a list,
//! `[0.9, 1.1]`, like every other list in a scenario, or as RON's tuple,
//! `(0.9, 1.1)`, which is how the game writes it (a saved run's embedded
//! scenario).

use std::fmt;

use serde::de::{Deserializer, Error, SeqAccess, Visitor};

/// Deserialise exactly `N` numbers from a list or a tuple.
pub fn numbers<'de, D: Deserializer<'de>, const N: usize>(d: D) -> Result<[f64; N], D::Error> {
    struct Numbers<const N: usize>;

    impl<'de, const N: usize> Visitor<'de> for Numbers<N> {
        type Value = [f64; N];

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "{N} numbers in a list, `[…]`,")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<[f64; N], A::Error> {
            let mut out = [0.0; N];
            for (i, slot) in out.iter_mut().enumerate() {
                *slot = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(i, &self))?;
            }
            // One more is one too many: count them all for the message.
            let mut extra = 0;
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                extra += 1;
            }
            if extra > 0 {
                return Err(A::Error::invalid_length(N + extra, &self));
            }
            Ok(out)
        }
    }

    d.deserialize_any(Numbers::<N>)
}

#[cfg(test)]
mod tests {
    use crate::engine::params::Params;

    fn business(text: &str) -> Result<Params, ron::error::SpannedError> {
        ron::from_str(&format!("(business: ({text}))"))
    }

    /// A list and a tuple read the same; the wrong count is refused.
    #[test]
    fn several_numbers_read_as_a_list_or_a_tuple() {
        let list = business("appetite: [0.9, 1.1]").unwrap();
        let tuple = business("appetite: (0.9, 1.1)").unwrap();
        assert_eq!(list.business.appetite, [0.9, 1.1]);
        assert_eq!(list, tuple);
        // What the game writes, it reads back.
        let written = ron::to_string(&list).unwrap();
        assert_eq!(ron::from_str::<Params>(&written).unwrap(), list);
        for wrong in ["[0.9]", "[0.9, 1.0, 1.1]", "0.9", "[0.9, \"x\"]"] {
            let err = business(&format!("appetite: {wrong}")).unwrap_err();
            let said = err.to_string().to_lowercase();
            assert!(
                said.contains("number") || said.contains("float"),
                "{wrong}: {err}"
            );
        }
    }
}
