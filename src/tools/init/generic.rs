//! The plain starter site: a front page in Finnish and Swedish and a document with two
//! chapters, for `kertomus init DIR` without `--organisation`.

/// The files of the plain starter site, by path under the site folder.
pub(super) const FILES: &[(&str, &str)] = &[
    (
        "content/site.yaml",
        r#"# Sivuston asetukset (site settings). See the format guide of kertomus.
title: {fi: "Hyvinvointikertomus", sv: "Välfärdsberättelse"}
base_url: "https://hyvinvointi.example.fi/"
languages: [fi, sv]
contact: {name: {fi: "Hyvinvointikoordinaattori", sv: "Välfärdskoordinator"}, email: "hyte@example.fi"}
# The accessibility statement (saavutettavuusseloste) is made from these; review them yearly.
accessibility:
  compliance: partial              # full | partial | none, after you have assessed the site
  known_issues:
    - {fi: "Liitteinä julkaistut PDF-tiedostot eivät ole kaikilta osin saavutettavia.", sv: "PDF-filer som publicerats som bilagor är inte helt tillgängliga."}
  feedback_email: "hyte@example.fi"
  prepared: 2026-01-01
  reviewed: 2026-01-01
"#,
    ),
    (
        "content/index.md",
        r#"---
title: "Hyvinvointikertomus"
description: "Kunnan hyvinvointikertomus ja -suunnitelma"
---

Tervetuloa! Tällä sivustolla julkaistaan kuntamme hyvinvointikertomus ja -suunnitelma.

- [Hyvinvointikertomus 2025–2029](kertomus/index.md)
"#,
    ),
    (
        "content/index.sv.md",
        r#"---
title: "Välfärdsberättelse"
description: "Kommunens välfärdsberättelse och -plan"
---

Välkommen! Här publicerar kommunen sin välfärdsberättelse och -plan.

- [Välfärdsberättelse 2025–2029](kertomus/index.md)
"#,
    ),
    (
        "content/kertomus/index.md",
        r#"---
title: "Hyvinvointikertomus 2025–2029"
document:
  type: kertomus+suunnitelma
  council_term: 2025-2029
  period: 2025-2029
  status: draft
---

Tiivistelmä: mitä kertomus sisältää ja mihin sen tavoitteet perustuvat.
"#,
    ),
    (
        "content/kertomus/01-johdanto.md",
        r#"---
title: "Johdanto"
weight: 10
---

## Miksi kertomus laaditaan

Laki velvoittaa kunnan laatimaan hyvinvointikertomuksen kerran valtuustokaudessa.
Seuraavassa luvussa kuvataan [väestön hyvinvointia](02-vaesto.md#vaeston-rakenne).
"#,
    ),
    (
        "content/kertomus/02-vaesto.md",
        r#"---
title: "Väestön hyvinvointi"
weight: 20
toc: true
todo:
  - "Kirjoita, miten väestö on muuttunut."
---

## Väestön rakenne

## Hyvinvointi ja terveys

| Mittari | 2023 | 2024 |
|---|---:|---:|
| Esimerkki | 10,1 | 9,8 |
"#,
    ),
];
