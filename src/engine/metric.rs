//! The quantities scenario conditions read and event effects change, by name.

use serde::{Deserialize, Serialize};

use super::kinds::{RUNWAY_CAP, RUNWAY_LONG};
use super::stage::Stage;

/// A quantity a condition can read or an effect can change. Fractions are on the
/// 0–1 scale, money in dollars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Weeks played (read only).
    Week,
    /// Cash in the bank, dollars.
    Cash,
    /// Annual recurring revenue, dollars.
    Arr,
    /// Product-market fit, 0–1.
    Fit,
    /// Strategy alignment, 0–1.
    Alignment,
    /// Technical-debt stock, feature points.
    Debt,
    /// Share of capacity lost to debt, 0–1 (read only).
    DebtTax,
    /// Engineering morale, 0–1.
    Morale,
    /// Individual contributors. An effect adds experienced engineers or removes engineers.
    Engineers,
    /// Engineering managers (read only).
    Managers,
    /// VPs of Engineering (read only).
    Vps,
    /// Engineering headcount, CTO included (read only).
    Headcount,
    /// Influence, 0–1 (read only: change its bases instead).
    Influence,
    /// Legitimate authority, 0–1.
    Authority,
    /// Adoption of the CTO's direction, 0–1 (read only).
    Adoption,
    /// Expert power, 0–1.
    Expert,
    /// Referent power (trust), 0–1.
    Referent,
    /// Credits (political capital), 0–1.
    Credits,
    /// Months of runway (read only).
    RunwayMonths,
    /// Funding stage: 0 Seed, 1 Series A, 2 Series B, 3 Series C, 4 Growth (read only).
    Stage,
    /// Management coverage of the organisation, 0–1 (read only).
    OrgCoverage,
}

impl Metric {
    /// Whether an effect may change this metric.
    pub fn is_writable(self) -> bool {
        matches!(
            self,
            Metric::Cash
                | Metric::Arr
                | Metric::Fit
                | Metric::Alignment
                | Metric::Debt
                | Metric::Morale
                | Metric::Engineers
                | Metric::Authority
                | Metric::Expert
                | Metric::Referent
                | Metric::Credits
        )
    }

    /// The values this metric can take (for checking conditions).
    pub fn range(self) -> (f64, f64) {
        match self {
            Metric::Fit
            | Metric::Alignment
            | Metric::DebtTax
            | Metric::Morale
            | Metric::Influence
            | Metric::Authority
            | Metric::Adoption
            | Metric::Expert
            | Metric::Referent
            | Metric::Credits
            | Metric::OrgCoverage => (0.0, 1.0),
            Metric::Cash => (f64::MIN, f64::MAX),
            Metric::Stage => (0.0, 4.0),
            Metric::RunwayMonths => (0.0, RUNWAY_CAP),
            Metric::Vps => (0.0, 3.0),
            Metric::Week
            | Metric::Arr
            | Metric::Debt
            | Metric::Engineers
            | Metric::Managers
            | Metric::Headcount => (0.0, f64::MAX),
        }
    }

    /// Every metric, for listings and suggestions.
    pub const ALL: [Metric; 21] = [
        Metric::Week,
        Metric::Cash,
        Metric::Arr,
        Metric::Fit,
        Metric::Alignment,
        Metric::Debt,
        Metric::DebtTax,
        Metric::Morale,
        Metric::Engineers,
        Metric::Managers,
        Metric::Vps,
        Metric::Headcount,
        Metric::Influence,
        Metric::Authority,
        Metric::Adoption,
        Metric::Expert,
        Metric::Referent,
        Metric::Credits,
        Metric::RunwayMonths,
        Metric::Stage,
        Metric::OrgCoverage,
    ];

    /// The snake_case name authors write.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Week => "week",
            Metric::Cash => "cash",
            Metric::Arr => "arr",
            Metric::Fit => "fit",
            Metric::Alignment => "alignment",
            Metric::Debt => "debt",
            Metric::DebtTax => "debt_tax",
            Metric::Morale => "morale",
            Metric::Engineers => "engineers",
            Metric::Managers => "managers",
            Metric::Vps => "vps",
            Metric::Headcount => "headcount",
            Metric::Influence => "influence",
            Metric::Authority => "authority",
            Metric::Adoption => "adoption",
            Metric::Expert => "expert",
            Metric::Referent => "referent",
            Metric::Credits => "credits",
            Metric::RunwayMonths => "runway_months",
            Metric::Stage => "stage",
            Metric::OrgCoverage => "org_coverage",
        }
    }

    /// `x`, a value of this metric, as a player reads it.
    pub fn format(self, x: f64) -> String {
        match self {
            Metric::Cash | Metric::Arr => {
                if x.abs() >= 1e6 {
                    format!("${:.1}M", x / 1e6)
                } else {
                    format!("${:.0}k", x / 1e3)
                }
            }
            Metric::Stage => Stage::ALL
                .get(x as usize)
                .map_or("?", |s| s.label())
                .to_string(),
            // As the header shows it: the 999 cap is no figure but "no limit".
            Metric::RunwayMonths if x >= RUNWAY_CAP => {
                "unlimited (revenue covers the costs)".to_string()
            }
            Metric::RunwayMonths if x > RUNWAY_LONG => "over five years".to_string(),
            Metric::RunwayMonths => format!("{x:.0} months"),
            _ if self.range() == (0.0, 1.0) => format!("{:.0}%", x * 100.0),
            _ => format!("{x:.0}"),
        }
    }
}
