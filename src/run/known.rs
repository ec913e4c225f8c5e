//! The built-in scenarios' texts as run files embed them, declared by hash, so
//! that a run is listed under a built-in scenario only when it played that
//! built-in: a copy under the same name with other numbers is another
//! scenario. A built-in's text may change without a rules change (an event
//! reworded); its old hash stays here, so the honest runs it played stay
//! listed under it. A test fails when a built-in's text has no hash here.

/// (built-in name, rules version, hash of the text a run file embeds: the
/// scenario's complete RON serialisation, `record::scenario_text`). Rows of
/// older rules may go when the rules change: those runs no longer replay, so
/// they have no score to list.
pub const BUILTIN_TEXTS: &[(&str, u32, u64)] = &[
    ("default", 9, 0xcd3d_bbba_fcfc_221d),
    ("default", 9, 0x5416_1b72_f4e4_8412),
    ("default", 9, 0x019b_e17d_75f8_e278),
    ("tutorial", 9, 0xcc59_e213_1db0_fd95),
    ("tutorial", 9, 0x9c65_6178_1372_f978),
    ("scale_up", 9, 0x361f_bb24_c98f_875b),
    ("scale_up", 9, 0xb5fd_98b9_f003_168c),
    ("puppet_rescue", 9, 0xb15f_fb3b_f85e_9167),
    ("puppet_rescue", 9, 0x796c_6f57_a3de_96b2),
    ("turnaround", 9, 0x537c_3f49_7673_a8e6),
    ("turnaround", 10, 0x6ca4_1ecd_8ba8_31e4),
    ("puppet_rescue", 10, 0x0396_6310_b50f_0066),
    ("scale_up", 10, 0xcf94_6e53_23c3_8bc0),
    ("tutorial", 10, 0xea2c_7760_1ea4_691e),
    ("default", 10, 0x0eba_2563_72e9_b3a2),
    ("default", 10, 0xc92b_3f86_8b45_8523),
    ("default", 10, 0x87f0_95a8_b86d_aecb),
    ("default", 10, 0x6332_ed61_d3be_14df),
    ("tutorial", 10, 0x96c1_8421_bcbf_e663),
    ("scale_up", 10, 0x9051_4796_0f44_f321),
    ("puppet_rescue", 10, 0x55a4_7f1a_6d40_fcd7),
    ("turnaround", 10, 0x6d9e_e4a9_dac6_d9f1),
    ("scale_up", 10, 0xeec9_f78e_0c34_4434),
    ("puppet_rescue", 10, 0x7f2b_f9b0_e4df_c4c9),
    ("turnaround", 10, 0x347e_20f0_bc21_e0e4),
    ("puppet_rescue", 10, 0x44dd_7de4_677e_6cc0),
    ("default", 10, 0x60d4_dff1_82b1_ef1c),
    ("default", 10, 0x2e7c_5007_5dfc_7d64),
    ("tutorial", 10, 0x55bf_fc14_1c8d_5edc),
    // The boards' deadlines drawn for each run (a condition's `spread`).
    ("scale_up", 10, 0xf3d1_4a35_c678_2b37),
    ("turnaround", 10, 0xc023_78c9_a1fd_faec),
    ("default", 10, 0x8b21_7585_882c_ed28),
    ("turnaround", 10, 0x73f0_82bd_6e88_0cc3),
    // Default's roadmap binds longer and young code is quicker to clean.
    ("default", 10, 0x63a2_4ddf_d8db_264b),
    // Deadlines: the decks' crunches (issue 23).
    ("default", 10, 0xd9f5_9e62_0357_8b4c),
    ("turnaround", 10, 0xb667_7583_d614_e666),
    ("puppet_rescue", 10, 0xc852_23f8_220f_7319),
];

/// The built-in scenario whose text hashes to `hash` under `rules`, if any.
pub fn builtin_of(rules: u32, hash: u64) -> Option<&'static str> {
    BUILTIN_TEXTS
        .iter()
        .find(|(_, r, h)| *r == rules && *h == hash)
        .map(|(name, _, _)| *name)
}

/// The name the built-in scenario `id` shows today (each built-in is read
/// once, the first time one is asked for).
pub fn builtin_name(id: &str) -> Option<&'static str> {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            crate::scenario::BUILTIN
                .iter()
                .filter_map(|(id, _)| Some((*id, crate::engine::Scenario::builtin(id).ok()?.name)))
                .collect()
        })
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, name)| name.as_str())
}

/// The hash a run of built-in `name` embeds today.
pub fn current_hash(name: &str) -> Option<u64> {
    let scenario = crate::engine::Scenario::builtin(name).ok()?;
    let text = super::record::scenario_text(&scenario);
    Some(crate::engine::hash::hash_bytes(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RULES_VERSION;

    #[test]
    fn every_built_in_text_of_these_rules_is_declared() {
        let missing: Vec<String> = crate::scenario::BUILTIN
            .iter()
            .filter_map(|(name, _)| {
                let hash = current_hash(name).unwrap();
                (builtin_of(RULES_VERSION, hash) != Some(*name))
                    .then(|| format!("    (\"{name}\", {RULES_VERSION}, {hash:#018x}),"))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "the text of a built-in scenario changed: add its hash to BUILTIN_TEXTS in \
             src/run/known.rs (keep the old lines, so that runs played with the old text \
             stay listed under it):\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn a_copy_of_a_built_in_with_other_numbers_is_not_the_built_in() {
        let mut copy = crate::engine::Scenario::builtin("default").unwrap();
        copy.start.arr = 90e6;
        let text = super::super::record::scenario_text(&copy);
        let hash = crate::engine::hash::hash_bytes(text.as_bytes());
        assert_eq!(builtin_of(RULES_VERSION, hash), None);
    }
}
