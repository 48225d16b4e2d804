//! The enumerated values of a plan (spec §6) and their names in English, Finnish and Swedish
//! (content format §13.1): the kind of a focus area, a measure's status, scope, type of work
//! and maturity.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FocusKind {
    #[default]
    Focus,
    /// Läpileikkaava: runs through every other focus area.
    CrossCutting,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const FOCUS_KIND_NAMES: &[crate::base::vocabulary::Names<FocusKind>] = &[
    crate::base::vocabulary::Names {
        value: FocusKind::Focus,
        en: &["focus"],
        fi: &["painopiste"],
        sv: &["fokus"],
    },
    crate::base::vocabulary::Names {
        value: FocusKind::CrossCutting,
        en: &["cross_cutting"],
        fi: &["läpileikkaava"],
        sv: &["övergripande"],
    },
];
crate::base::vocabulary::vocabulary!(FocusKind, "a kind of focus area", FOCUS_KIND_NAMES);

/// A measure's state in one year's follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Status {
    Planned,
    Started,
    Ongoing,
    Done,
    Delayed,
    Paused,
    Dropped,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
pub(crate) const STATUS_NAMES: &[crate::base::vocabulary::Names<Status>] = &[
    crate::base::vocabulary::Names {
        value: Status::Planned,
        en: &["planned"],
        fi: &["suunniteltu"],
        sv: &["planerad"],
    },
    crate::base::vocabulary::Names {
        value: Status::Started,
        en: &["started"],
        fi: &["aloitettu"],
        sv: &["påbörjad"],
    },
    crate::base::vocabulary::Names {
        value: Status::Ongoing,
        en: &["ongoing"],
        fi: &["käynnissä"],
        sv: &["pågår"],
    },
    crate::base::vocabulary::Names {
        value: Status::Done,
        en: &["done"],
        fi: &["valmis", "toteutunut"],
        sv: &["klar", "genomförd"],
    },
    crate::base::vocabulary::Names {
        value: Status::Delayed,
        en: &["delayed"],
        fi: &["viivästynyt"],
        sv: &["försenad"],
    },
    crate::base::vocabulary::Names {
        value: Status::Paused,
        en: &["paused"],
        fi: &["keskeytetty"],
        sv: &["pausad"],
    },
    crate::base::vocabulary::Names {
        value: Status::Dropped,
        en: &["dropped"],
        fi: &["luovuttu"],
        sv: &["avbruten"],
    },
];
crate::base::vocabulary::vocabulary!(Status, "a measure status", STATUS_NAMES);

impl Status {
    pub(crate) const ALL: [Status; 7] = [
        Status::Planned,
        Status::Started,
        Status::Ongoing,
        Status::Done,
        Status::Delayed,
        Status::Paused,
        Status::Dropped,
    ];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Started => "started",
            Status::Ongoing => "ongoing",
            Status::Done => "done",
            Status::Delayed => "delayed",
            Status::Paused => "paused",
            Status::Dropped => "dropped",
        }
    }
}

/// Joint work across the municipality–county interface (yhdyspinta), or an organisation's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Scope {
    Joint,
    Own,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const SCOPE_NAMES: &[crate::base::vocabulary::Names<Scope>] = &[
    crate::base::vocabulary::Names {
        value: Scope::Joint,
        en: &["joint"],
        fi: &["yhteinen", "yhdyspinta"],
        sv: &["gemensam"],
    },
    crate::base::vocabulary::Names {
        value: Scope::Own,
        en: &["own"],
        fi: &["oma"],
        sv: &["egen"],
    },
];
crate::base::vocabulary::vocabulary!(Scope, "a scope (joint or own)", SCOPE_NAMES);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum WorkType {
    Edistava,
    Ehkaiseva,
    Korjaava,
    ArjenTuki,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
pub(crate) const WORK_TYPE_NAMES: &[crate::base::vocabulary::Names<WorkType>] = &[
    crate::base::vocabulary::Names {
        value: WorkType::Edistava,
        en: &["edistava"],
        fi: &["edistävä"],
        sv: &["främjande"],
    },
    crate::base::vocabulary::Names {
        value: WorkType::Ehkaiseva,
        en: &["ehkaiseva"],
        fi: &["ehkäisevä"],
        sv: &["förebyggande"],
    },
    crate::base::vocabulary::Names {
        value: WorkType::Korjaava,
        en: &["korjaava"],
        fi: &["korjaava"],
        sv: &["korrigerande"],
    },
    crate::base::vocabulary::Names {
        value: WorkType::ArjenTuki,
        en: &["arjen_tuki"],
        fi: &["arjen tuki"],
        sv: &["vardagsstöd"],
    },
];
crate::base::vocabulary::vocabulary!(WorkType, "a type of work", WORK_TYPE_NAMES);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Maturity {
    Pilot,
    Developing,
    Established,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
pub(crate) const MATURITY_NAMES: &[crate::base::vocabulary::Names<Maturity>] = &[
    crate::base::vocabulary::Names {
        value: Maturity::Pilot,
        en: &["pilot"],
        fi: &["kokeilu", "pilotti"],
        sv: &["pilot"],
    },
    crate::base::vocabulary::Names {
        value: Maturity::Developing,
        en: &["developing"],
        fi: &["kehittyvä"],
        sv: &["under_utveckling"],
    },
    crate::base::vocabulary::Names {
        value: Maturity::Established,
        en: &["established"],
        fi: &["vakiintunut"],
        sv: &["etablerad"],
    },
];
crate::base::vocabulary::vocabulary!(Maturity, "a maturity", MATURITY_NAMES);
