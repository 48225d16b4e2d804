//! The page texts of an organisation's starter site, in Finnish and Swedish: the chapters of
//! a welfare report in THL's recommended structure. What the author still has to write is in
//! each chapter's `todo:` list (which `kertomus check` reports), not in its published text.
//! Placeholders: `{name}` the organisation's name, `{whose}` "kunnan" / "hyvinvointialueen"
//! (sv "kommunens" / "välfärdsområdets"), `{doc}` the document folder, `{charts}` the
//! indicator shortcodes, `{document}` the document's front matter (on the page in the site's
//! default language only).

/// One page: its file stem under the document (or `index` of the site), and its text per
/// language.
pub(super) struct Page {
    pub stem: &'static str,
    pub fi: &'static str,
    pub sv: &'static str,
}

/// The site's front page.
pub(super) const FRONT: Page = Page {
    stem: "index",
    fi: r#"---
title: "{name} – hyvinvointikertomus"
description: "Hyvinvointikertomus ja -suunnitelma valtuustokaudelle 2025–2029"
---

Tällä sivustolla julkaistaan {whose} hyvinvointikertomus ja -suunnitelma valtuustokaudelle
2025–2029: miten asukkaat voivat, mitkä ovat hyvinvoinnin vahvuudet ja vajeet ja mitä niille
tehdään.

- [Hyvinvointikertomus ja -suunnitelma 2025–2029]({doc}/index.md)
"#,
    sv: r#"---
title: "{name} – välfärdsberättelse"
description: "Välfärdsberättelse och -plan för fullmäktigeperioden 2025–2029"
---

På den här webbplatsen publiceras {whose} välfärdsberättelse och -plan för
fullmäktigeperioden 2025–2029: hur invånarna mår, vilka styrkorna och bristerna i välfärden är
och vad som görs åt dem.

- [Välfärdsberättelse och -plan 2025–2029]({doc}/index.md)
"#,
};

/// The document's own page, with the front matter that makes the folder a document.
/// The front matter that makes the folder a document; `{council}` is the approving council.
pub(super) const DOCUMENT_FRONT_MATTER: &str = r#"document:
  type: kertomus+suunnitelma
  organisation: {org}
  council_term: 2025-2029
  period: 2025-2029
  status: draft   # draft → proposal → approved; add approval: when {council} has approved it
"#;

pub(super) const DOCUMENT: Page = Page {
    stem: "index",
    fi: r#"---
title: "Hyvinvointikertomus ja -suunnitelma 2025–2029"
description: "{name}: laaja hyvinvointikertomus ja -suunnitelma valtuustokaudelle 2025–2029"
{document}---

Laaja hyvinvointikertomus laaditaan kerran valtuustokaudessa (laki hyvinvoinnin ja terveyden
edistämisen järjestämisestä 612/2021, 6 ja 7 §). Sen rakenne noudattaa THL:n suositusta:
tiivistelmä, tausta, väestön hyvinvointi, vahvuudet ja kehittämiskohteet sekä suunnitelma.
"#,
    sv: r#"---
title: "Välfärdsberättelse och -plan 2025–2029"
description: "{name}: omfattande välfärdsberättelse och -plan för fullmäktigeperioden 2025–2029"
{document}---

En omfattande välfärdsberättelse utarbetas en gång per fullmäktigeperiod (lagen om ordnande av
främjandet av välfärd och hälsa 612/2021, 6 och 7 §). Strukturen följer THL:s rekommendation:
sammanfattning, bakgrund, befolkningens välfärd, styrkor och utvecklingsområden samt plan.
"#,
};

/// The report's chapters and the plan part, in THL's order.
pub(super) const CHAPTERS: &[Page] = &[
    Page {
        stem: "01-tiivistelma",
        fi: r#"---
title: "Tiivistelmä"
weight: 10
# Mitä sivulla vielä on tehtävä: kertomus check luettelee kohdat. Poista kohta, kun se on tehty.
todo:
  - "Kirjoita lyhyesti kertomuksen tärkeimmät havainnot ja suunnitelman painopisteet, niin että valtuutettu ja asukas saa kokonaiskuvan yhdeltä sivulta."
---
"#,
        sv: r#"---
title: "Sammanfattning"
weight: 10
# Det som ännu ska göras på sidan: kertomus check listar punkterna. Ta bort en punkt när den är gjord.
todo:
  - "Skriv kort de viktigaste iakttagelserna och planens fokusområden, så att en ledamot och en invånare får en helhetsbild på en sida."
---
"#,
    },
    Page {
        stem: "02-tausta",
        fi: r#"---
title: "Tausta ja lähtökohdat"
weight: 20
todo:
  - "Miten kertomus laadittiin: kerro, kuka kertomuksen valmisteli, keitä kuultiin (asukkaat, vaikuttamistoimielimet, järjestöt) ja miten työ liittyy {whose} strategiaan ja talousarvioon."
  - "Hyvinvoinnin edistämisen rakenteet: kuvaa hyvinvointiryhmä, vastuuhenkilöt ja yhteistyö muiden toimijoiden kanssa."
---
"#,
        sv: r#"---
title: "Bakgrund och utgångspunkter"
weight: 20
todo:
  - "Hur berättelsen utarbetades: berätta vem som beredde berättelsen, vilka som hördes (invånare, påverkansorgan, organisationer) och hur arbetet hänger ihop med {whose} strategi och budget."
  - "Strukturerna för främjande av välfärd: beskriv välfärdsgruppen, de ansvariga personerna och samarbetet med andra aktörer."
---
"#,
    },
    Page {
        stem: "03-vaeston-hyvinvointi",
        fi: r#"---
title: "Väestön hyvinvointi ja terveys"
weight: 30
toc: true
todo:
  - "Hae mittareiden tiedot THL:n Sotkanetista komennolla kertomus sotkanet pull (mittarit luetellaan tiedostossa data/indicators.yaml) ja kirjoita, mitä luvut kertovat."
---

## Liikkuminen ja elintavat

{charts}
"#,
        sv: r#"---
title: "Befolkningens välfärd och hälsa"
weight: 30
toc: true
todo:
  - "Hämta indikatorernas data från THL:s Sotkanet med kommandot kertomus sotkanet pull (indikatorerna listas i filen data/indicators.yaml) och skriv vad siffrorna berättar."
---

## Fysisk aktivitet och levnadsvanor

{charts}
"#,
    },
    Page {
        stem: "04-vahvuudet-ja-kehittamiskohteet",
        fi: r#"---
title: "Vahvuudet ja kehittämiskohteet"
weight: 40
todo:
  - "Vahvuudet: mitkä asiat ovat hyvin verrattuna hyvinvointialueeseen ja koko maahan?"
  - "Kehittämiskohteet: mitkä hyvinvoinnin vajeet vaativat toimia? Niistä tulevat suunnitelman painopisteet."
---
"#,
        sv: r#"---
title: "Styrkor och utvecklingsområden"
weight: 40
todo:
  - "Styrkor: vad är bra jämfört med välfärdsområdet och hela landet?"
  - "Utvecklingsområden: vilka brister i välfärden kräver åtgärder? De blir planens fokusområden."
---
"#,
    },
    Page {
        stem: "05-suunnitelma",
        fi: r#"---
title: "Suunnitelma 2025–2029"
weight: 50
todo:
  - "Kirjoita suunnitelman painopisteet, tavoitteet ja toimenpiteet tiedostoon plan.yaml esimerkin tilalle."
  - "Toimenpiteet voi koota myös taulukkolaskennasta: kertomus template measures tekee pohjan, jonka voi lähettää toimijoille täytettäväksi."
---

## Liikkumisen lisääminen

{{ goals(focus_area="liikkuminen") }}
"#,
        sv: r#"---
title: "Plan 2025–2029"
weight: 50
todo:
  - "Skriv planens fokusområden, mål och åtgärder i filen plan.yaml i stället för exemplet."
  - "Åtgärderna kan också samlas in med ett kalkylblad: kertomus template measures gör en mall som aktörerna kan fylla i."
---

## Mer fysisk aktivitet

{{ goals(focus_area="liikkuminen") }}
"#,
    },
];
