//! Library tests of the query crate over an index of `fixtures/articles`, built once.

use std::collections::HashSet;
use std::path::PathBuf;

use presse_query::{
    parse_date_bound, Bound, QueryError, SearchRequest, SearchResults, Searcher, Sort,
};

mod common;
use common::{fixtures, searcher};

fn search(query: &str) -> SearchResults {
    searcher().search(&SearchRequest::new(query)).unwrap()
}

fn top_title(query: &str) -> String {
    search(query).hits.first().map(|h| h.title.clone()).unwrap_or_default()
}

const SEED: &str = "Lawrow fordert von USA einen Mechanismus zur Lösung kontroverser Punkte";

/// The titles of the hits, in rank order.
fn hit_titles(r: &SearchResults) -> Vec<&str> {
    r.hits.iter().map(|h| h.title.as_str()).collect()
}

fn marked(text: &str, ranges: &[[usize; 2]]) -> Vec<String> {
    ranges.iter().map(|[a, b]| text[*a..*b].to_string()).collect()
}

/// The titles of the hits for `query` and what the first hit's snippet marks.
fn found_and_marked(searcher: &Searcher, query: &str) -> (Vec<String>, Vec<String>) {
    let r = searcher.search(&SearchRequest::new(query)).unwrap();
    let marks = r.hits.first().map(|h| marked(&h.snippet.text, &h.snippet.highlights));
    (hit_titles(&r).iter().map(|t| t.to_string()).collect(), marks.unwrap_or_default())
}

#[test]
fn typos_and_transliterations_find_the_article() {
    assert_eq!(top_title("Cybersicherhiet"), SEED, "swapped letters");
    assert_eq!(top_title("Lawrov"), SEED, "one wrong letter");
    assert_eq!(top_title("Lavrov"), SEED, "transliteration: two edits, same sound");
    assert_eq!(top_title("Mechanissmus Lawrow"), SEED, "extra letter");
}

#[test]
fn several_misspelt_words_are_each_expanded() {
    // More than one word needs a dictionary search: they are searched side by side.
    let r = search("Lavrov Mechanissmus Cybersicherhiet");
    let hit = &r.hits[0];
    assert_eq!(hit.title, SEED);
    let mut marks = marked(&hit.title, &hit.title_highlights);
    marks.extend(marked(&hit.snippet.text, &hit.snippet.highlights));
    for word in ["Lawrow", "Mechanismus", "Cybersicherheit"] {
        assert!(marks.iter().any(|m| m == word), "{word} in {marks:?}");
    }
}

#[test]
fn typo_matches_rank_below_exact_matches() {
    // `Lawrov` is one edit from `Lawrow`; the exact word must score higher.
    let exact = search("Lawrow").hits[0].score;
    let typo = search("Lawrov").hits[0].score;
    assert!(exact > typo, "{exact} vs {typo}");
}

#[test]
fn compound_parts_match_and_are_highlighted() {
    // `Maskenpflicht` is indexed with its parts: `Pflicht` finds it.
    let r = search("Pflicht Kraichtal");
    let hit = &r.hits[0];
    assert!(hit.url.as_deref().unwrap().contains("kraichtal"), "{:?}", hit.url);
    let marks = marked(&hit.snippet.text, &hit.snippet.highlights);
    assert!(marks.iter().any(|m| m == "pflicht" || m == "Pflicht"), "{marks:?}");
}

#[test]
fn query_compound_finds_its_parts_near_each_other() {
    // The seed has "die Arbeit der bilateralen Gruppe": `Gruppenarbeit` finds it.
    let r = search("Gruppenarbeit");
    assert_eq!(r.hits[0].title, SEED);
    let marks = marked(&r.hits[0].snippet.text, &r.hits[0].snippet.highlights);
    assert!(
        marks.contains(&"Arbeit".to_string()) && marks.contains(&"Gruppe".to_string()),
        "{marks:?}"
    );
}

#[test]
fn verb_forms_the_stemmer_keeps_apart_still_meet() {
    // The seed has "unterbreitet"; Snowball stems `unterbreiten` to `unterbreit`.
    let r = search("unterbreiten");
    assert_eq!(r.hits[0].title, SEED);
    let marks = marked(&r.hits[0].snippet.text, &r.hits[0].snippet.highlights);
    assert_eq!(marks, ["unterbreitet"]);
}

#[test]
fn more_query_words_matched_rank_higher() {
    let r = search("Lawrow Nawalny");
    // The seed has Lawrow only; three articles have Nawalny only: no article has both, so the
    // rarer word's articles and the seed all rank, but each with one word.
    assert!(r.total_hits >= 2);
    let both = search("Lawrow Pompeo Nawalny");
    assert_eq!(both.hits[0].title, SEED, "two of three words beat one");
}

#[test]
fn stop_words_do_not_drive_ranking() {
    let with = search("der die das Lawrow und");
    assert_eq!(with.hits[0].title, SEED);
    // A query of stop words only still answers.
    assert!(search("und").total_hits > 10);
}

#[test]
fn phrases_keep_order_and_analysis() {
    assert_eq!(top_title("\"russische Außenminister\""), SEED);
    assert_eq!(
        top_title("\"russischen Aussenminister\""),
        SEED,
        "inflection and spelling inside phrases"
    );
    assert!(search("\"Außenminister russische\"").hits.iter().all(|h| h.title != SEED));
}

#[test]
fn operators_require_and_exclude() {
    let all = search("Lawrow Nawalny").total_hits;
    let without = search("Lawrow Nawalny -Lawrow").total_hits;
    assert_eq!(without, all - 1);
    let required = search("+Lawrow Nawalny");
    assert_eq!(required.total_hits, 1);
}

#[test]
fn filters_restrict_without_making_words_optional() {
    let since = parse_date_bound("2021", Bound::Start).unwrap();
    let r = searcher().search(&SearchRequest::new("Lawrow").since(since)).unwrap();
    assert_eq!(r.total_hits, 0, "the seed has no date; no 2021 article has Lawrow");
    let r = searcher().search(&SearchRequest::new("Nawalny").source("TAGESSPIEGEL.de")).unwrap();
    assert!(r.total_hits >= 1);
    assert!(r.hits.iter().all(|h| h.source.as_deref() == Some("tagesspiegel.de")));
    let until = parse_date_bound("2020-12", Bound::End).unwrap();
    let r = searcher().search(&SearchRequest::new("Corona").until(until).limit(100)).unwrap();
    assert!(r.hits.iter().all(|h| h.date.as_deref().is_some_and(|d| d < "2021")));
}

#[test]
fn sort_by_date() {
    let newest =
        searcher().search(&SearchRequest::new("Corona").sort(Sort::Newest).limit(100)).unwrap();
    let dates: Vec<&str> = newest.hits.iter().filter_map(|h| h.date.as_deref()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let undated = newest.hits.iter().position(|h| h.date.is_none());
    if let Some(first_undated) = undated {
        assert!(newest.hits[first_undated..].iter().all(|h| h.date.is_none()), "undated last");
    }
    let oldest =
        searcher().search(&SearchRequest::new("Corona").sort(Sort::Oldest).limit(100)).unwrap();
    let dates: Vec<&str> = oldest.hits.iter().filter_map(|h| h.date.as_deref()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

#[test]
fn paging_is_consistent_and_total_exact() {
    let all = searcher().search(&SearchRequest::new("Corona").limit(100)).unwrap();
    let page = searcher().search(&SearchRequest::new("Corona").limit(3).offset(2)).unwrap();
    assert_eq!(page.total_hits, all.total_hits);
    assert_eq!(page.hits.len(), 3);
    assert_eq!(page.hits[0].id, all.hits[2].id);
    assert_eq!(page.hits[0].rank, 3);
}

#[test]
fn prefix_and_explicit_fuzzy() {
    assert_eq!(top_title("Cybersicher*"), SEED);
    // The stem of the typed prefix is what terms start with: `Impfstoffe*` finds `Impfstoff`.
    let r = search("Impfstoffe*");
    assert!(r.hits.iter().any(|h| h.title.starts_with("Impfstoff aus Neuss")), "{:?}", r.hits);
    assert_eq!(top_title("Lawraw~1"), SEED);
}

#[test]
fn malformed_queries_are_typed_errors() {
    let err = searcher().search(&SearchRequest::new("(Lawrow")).unwrap_err();
    assert!(matches!(err, QueryError::Malformed { position: 7, .. }), "{err:?}");
    assert!(matches!(searcher().search(&SearchRequest::new("  ")), Err(QueryError::NoWords)));
}

#[test]
fn searcher_is_shared_across_threads() {
    let s = searcher().clone();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let s = s.clone();
            std::thread::spawn(move || {
                s.search(&SearchRequest::new("Lawrow")).unwrap().hits[0].title.clone()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), SEED);
    }
}

#[test]
fn show_returns_the_whole_article() {
    let id = fixtures().join("seed.txt").canonicalize().unwrap().display().to_string();
    let a = searcher().article(&id).unwrap().unwrap();
    assert_eq!(a.title, SEED);
    assert_eq!(a.author.as_deref(), Some("hrsg"));
    assert!(searcher().article("no such id").unwrap().is_none());
}

#[test]
fn opening_a_missing_or_foreign_directory_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(Searcher::open(dir.path().join("nope")), Err(QueryError::NoIndex { .. })));
    assert!(matches!(Searcher::open(dir.path()), Err(QueryError::NoIndex { .. })));
}

#[test]
fn facets_count_the_whole_result_set() {
    // Worked out from fixtures/README.md: Nawalny is in two tagesspiegel.de articles
    // (2020-09, 2021-02) and one sueddeutsche.de article (2021-01).
    let r = searcher().search(&SearchRequest::new("Nawalny").facets(true).limit(1)).unwrap();
    assert_eq!(r.hits.len(), 1, "facets are not limited to the page");
    let f = r.facets.unwrap();
    let pairs = |v: &[presse_query::FacetCount]| {
        v.iter().map(|c| (c.value.clone(), c.count)).collect::<Vec<_>>()
    };
    assert_eq!(
        pairs(&f.sources),
        [("tagesspiegel.de".to_string(), 2), ("sueddeutsche.de".to_string(), 1)]
    );
    assert_eq!(
        pairs(&f.months),
        [("2020-09".to_string(), 1), ("2021-01".to_string(), 1), ("2021-02".to_string(), 1)]
    );
    assert!(f.years.is_empty(), "years only for spans over two years");
    assert!(search("Nawalny").facets.is_none(), "off by default");
}

#[test]
fn identical_texts_are_collapsed_with_also_in() {
    // The two compact-online.de articles of the fixtures have the same body.
    let r = search("Bhakdi");
    assert_eq!(r.total_hits, 2);
    assert_eq!(r.hits.len(), 1);
    let also = &r.hits[0].also_in;
    assert_eq!(also.len(), 1);
    assert_eq!(also[0].source.as_deref(), Some("compact-online.de"));
    assert_ne!(also[0].url, r.hits[0].url);
    let all = searcher().search(&SearchRequest::new("Bhakdi").collapse(false)).unwrap();
    assert_eq!(all.hits.len(), 2);
    assert!(all.hits.iter().all(|h| h.also_in.is_empty()));
}

#[test]
fn stats_describe_the_index() {
    let s = searcher().stats().unwrap();
    assert_eq!(s.articles, 30);
    assert_eq!(s.undated, 5, "the seed and the four txt articles");
    assert_eq!(s.first_date.as_deref().map(|d| &d[..7]), Some("2020-03"));
    assert_eq!(s.last_date.as_deref().map(|d| &d[..7]), Some("2021-03"));
    assert_eq!(s.sources.iter().map(|c| c.count).sum::<u64>(), 26, "all but the four txt articles");
    assert!(s.sources.iter().any(|c| c.value == "russland.news" && c.count == 1));
    assert!(s.size_bytes > 10_000);
    assert_eq!((s.duplicate_groups, s.duplicate_articles), (1, 1), "the compact-online.de pair");
    assert_eq!(s.analyzer, presse_analysis::ANALYZER_VERSION);
    assert!(s.updated.is_some());
}

#[test]
fn or_groups_and_field_scopes() {
    // Each of these words is in exactly one fixture article (fixtures/README.md).
    let either = search("Sputnik OR Drosten");
    assert_eq!(either.total_hits, 2);
    let grouped = search("+(Sputnik OR Drosten) -Drosten");
    assert_eq!(grouped.total_hits, 1);
    assert!(grouped.hits[0].title.contains("Sputnik"));
    // title: limits to the headline: `Lawrow` is in the seed's title, `Pompeo` only in its text.
    assert_eq!(search("title:Lawrow").total_hits, 1);
    assert_eq!(search("title:Pompeo").total_hits, 0);
    assert_eq!(search("body:Pompeo").total_hits, 1);
    // source: matches the outlet exactly, case-insensitively.
    let rt = search("source:DE.RT.COM");
    assert!(rt.total_hits >= 2 && rt.hits.iter().all(|h| h.source.as_deref() == Some("de.rt.com")));
    // caption: the seed's image credit.
    assert_eq!(search("caption:facebook").hits[0].title, SEED);
    assert_eq!(
        searcher().search(&SearchRequest::new("Lawrow").author("hrsg")).unwrap().total_hits,
        1,
        "the seed's editor tag"
    );
    assert_eq!(
        searcher().search(&SearchRequest::new("Lawrow").author("Mustermann")).unwrap().total_hits,
        0
    );
}

#[test]
fn url_and_lead_scopes() {
    let url = "https://de.rt.com/kurzclips/114613-maas-sputnik-v-muss-genauso/";
    let r = search(&format!("url:{url}"));
    assert_eq!(r.total_hits, 1);
    assert_eq!(r.hits[0].url.as_deref(), Some(url));
    // The seed's lead has `Cybersicherheit`; its body does not.
    assert_eq!(search("lead:Cybersicherheit").hits[0].title, SEED);
    assert_eq!(search("body:Cybersicherheit").total_hits, 0);
}

#[test]
fn a_compound_and_its_part_count_as_one_query_word_in_snippets() {
    // The seed has `Außenminister` and, further on, `der Minister` alone: a part of the query
    // word `Aussenminister`. One passage with both query words is enough; no second passage
    // just for `Minister`.
    let r = search("Lawrow Aussenminister");
    let s = &r.hits[0].snippet;
    assert_eq!(r.hits[0].title, SEED);
    assert!(!s.text.contains(" … "), "one passage: {}", s.text);
    let marks = marked(&s.text, &s.highlights);
    assert!(
        marks.iter().any(|m| m == "Lawrow") && marks.iter().any(|m| m == "Außenminister"),
        "{marks:?}"
    );
}

#[test]
fn the_snippet_shows_the_whole_query_word_before_a_part_of_it() {
    // `Beherbergungsverbot`, early in the text, holds `verbot`, a part of the query word; the
    // word itself stands further on, and that is the passage to show.
    let filler = "Die Sitzung des Senats dauerte bis in den späten Abend. ".repeat(12);
    let body = format!(
        "Das Beherbergungsverbot endet am Freitag. {filler}Das Alkoholausschankverbot nach \
         23 Uhr gilt weiter. {filler}"
    );
    // The parts are common words, as in any real archive (each term's document frequency
    // counts the articles with the word itself, not those with a compound holding it).
    let (_dir, searcher) = index_of(&[
        ("Sperrstunde und Beherbergungsverbot gekippt", &body),
        ("Neues Verbot", "Ein Verbot von Alkohol im Ausschank der Kneipen."),
        ("Kneipen", "Das Verbot gilt seit Mai, der Alkohol ist teuer, der Ausschank endet früh."),
        ("Bars", "Ein Verbot für Bars: kein Alkohol, kein Ausschank nach zehn Uhr."),
        ("Senat", "Der Senat prüft ein Verbot. Alkohol und Ausschank sind Thema."),
    ]);
    let r = searcher.search(&SearchRequest::new("Alkoholausschankverbot")).unwrap();
    let hit = &r.hits[0];
    let s = &hit.snippet;
    assert_eq!(marked(&s.text, &s.highlights), ["Alkoholausschankverbot"], "{}", s.text);
    // Nor is the part highlighted in the title: the article has the whole word.
    assert!(hit.title_highlights.is_empty(), "{:?}", hit.title_highlights);
    // An article without the word keeps the parts it matched by.
    let other = r.hits.iter().find(|h| h.title == "Neues Verbot").expect("found by its parts");
    assert_eq!(marked(&other.title, &other.title_highlights), ["Verbot"]);
    assert_eq!(marked(&other.snippet.text, &other.snippet.highlights).len(), 3);
}

#[test]
fn the_words_of_a_hyphenated_query_word_stay_highlighted_beside_its_joined_form() {
    let (_dir, searcher) = index_of(&[(
        "Wirtschaft",
        "Die Coronakrise, auch Corona-Krise genannt, trifft die Wirtschaft hart.",
    )]);
    let r = searcher.search(&SearchRequest::new("Corona-Krise")).unwrap();
    let s = &r.hits[0].snippet;
    assert_eq!(marked(&s.text, &s.highlights), ["Coronakrise", "Corona", "Krise"], "{}", s.text);
}

#[test]
fn a_rare_name_is_no_typo_of_a_stop_word() {
    // `Diess` (a name, in two articles) is one edit from `dies`, the term of `dieser`, in
    // every other article: typo search and word forms never lead to a stop word's term.
    let mut articles = vec![
        ("Diess tritt ab", "Herbert Diess gibt die Führung der Marke ab."),
        ("Konzernchef Diess", "Der Vorstand um Diess plant Elektroautos."),
    ];
    for _ in 0..30 {
        articles.push(("Ein Bericht", "Dieser Bericht handelt von diesem Thema."));
    }
    let (_dir, searcher) = index_of(&articles);
    let r = searcher.search(&SearchRequest::new("Diess")).unwrap();
    assert_eq!(r.total_hits, 2, "{:?}", r.hits.iter().map(|h| &h.title).collect::<Vec<_>>());
}

#[test]
fn a_content_word_is_not_its_stop_words_twin() {
    // Snowball stems `Sicherheit` to `sich` and `Jens` to `jen` (of `jene`); the analyser gives
    // them terms of their own, so they find neither `sich` nor `jene`, and misspelt they still
    // find themselves (typo search never leads to a stop word's term).
    let mut articles = vec![
        ("Mehr Sicherheit", "Die Sicherheit der Daten hat Vorrang, sagt Jens Spahn."),
        ("Sicherheiten", "Die Bank verlangt Sicherheiten."),
    ];
    for _ in 0..30 {
        articles.push(("Ein Bericht", "Sie freut sich, jene Tage kehren zurück."));
    }
    let (_dir, searcher) = index_of(&articles);
    let titles = |q: &str| {
        let r = searcher.search(&SearchRequest::new(q).limit(50)).unwrap();
        let mut titles = r.hits.iter().map(|h| h.title.clone()).collect::<Vec<_>>();
        titles.sort();
        titles
    };
    assert_eq!(titles("Sicherheit"), ["Mehr Sicherheit", "Sicherheiten"]);
    assert_eq!(titles("Sicherhiet").len(), 2, "{:?}", titles("Sicherhiet"));
    assert_eq!(titles("Jens"), ["Mehr Sicherheit"]);
}

#[test]
fn a_noun_in_er_is_not_its_bases_twin() {
    // Snowball cuts the `-er` of `Politiker` and `Müller` as if it were an ending, to the terms
    // of `Politik` and `Müll`; the analyser keeps such nouns whole, with their `-ers` and `-ern`
    // forms, so the article about the politicians comes first however often another says
    // `Politik`.
    let articles = [
        ("Streit der Politiker", "Zwei Politiker streiten. Den Politikern fehlt ein Plan."),
        ("Politik", "Die Politik, die Politik und nochmals die Politik: Politik ist Politik."),
        ("Herr Müller", "Bürgermeister Müller lädt ein."),
        ("Müll", "Müll, Müll, überall Müll: der Müll der Stadt."),
    ];
    let (_dir, searcher) = index_of(&articles);
    for (query, first) in [
        ("Politiker", "Streit der Politiker"),
        ("Politikers", "Streit der Politiker"),
        ("Müller", "Herr Müller"),
        ("Müll", "Müll"),
        ("Politik", "Politik"),
    ] {
        let r = searcher.search(&SearchRequest::new(query)).unwrap();
        assert_eq!(hit_titles(&r)[0], first, "{query}: {:?}", hit_titles(&r));
    }
}

#[test]
fn gender_inclusive_forms_find_and_are_found_by_both_forms() {
    // `Schüler:innen`, `Lehrer_innen`, `ErzieherInnen` and `Künstler*innen` are one word each:
    // they are indexed as the masculine and the feminine plural, at the word's position, and
    // highlighted for either.
    let articles = [
        ("Bericht A", "Die Schüler:innen der Schule schreiben."),
        ("Bericht B", "Alle Lehrer_innen streiken heute."),
        ("Bericht C", "Die ErzieherInnen fordern mehr Geld."),
        ("Bericht D", "Ein Bericht über das Wetter."),
        ("Bericht E", "Die Künstler*innen stellen aus."),
    ];
    let (_dir, searcher) = index_of(&articles);
    for (query, title, marked_word) in [
        ("Künstlerinnen", "Bericht E", "Künstler*innen"),
        ("Künstler*innen", "Bericht E", "Künstler*innen"),
        ("Schüler", "Bericht A", "Schüler:innen"),
        ("Schülerinnen", "Bericht A", "Schüler:innen"),
        ("Schülerin", "Bericht A", "Schüler:innen"),
        ("Lehrer", "Bericht B", "Lehrer_innen"),
        ("Lehrerinnen", "Bericht B", "Lehrer_innen"),
        ("Erzieher", "Bericht C", "ErzieherInnen"),
        ("Erzieherinnen", "Bericht C", "ErzieherInnen"),
        // Typed in a query, the form is a word, not a field `Lehrer:`.
        ("Lehrer:innen", "Bericht B", "Lehrer_innen"),
    ] {
        let expected = (vec![title.to_string()], vec![marked_word.to_string()]);
        assert_eq!(found_and_marked(&searcher, query), expected, "{query}");
    }
}

#[test]
fn equal_scores_list_the_earlier_article_first() {
    // The same words, as often when one outlet quotes another: the original, published
    // first, comes first, whichever the index holds first.
    let articles = [
        ("Bericht A", "Der Impfstoff kommt heute in Berlin an.", "2020-12-20"),
        ("Bericht B", "In Berlin kommt heute der Impfstoff an.", "2020-12-18"),
        ("Bericht C", "Heute kommt in Berlin der Impfstoff an.", "2020-12-19"),
        ("Bericht D", "Nichts davon.", "2020-12-01"),
    ];
    let (_dir, searcher) = index_of_dated(&articles);
    let r = searcher.search(&SearchRequest::new("Impfstoff")).unwrap();
    assert_eq!(r.hits[0].score, r.hits[2].score);
    assert_eq!(hit_titles(&r), ["Bericht B", "Bericht C", "Bericht A"]);
    // Only the first two fit: the tie is broken the same way when hits are dropped.
    let r = searcher.search(&SearchRequest::new("Impfstoff").limit(2)).unwrap();
    assert_eq!(hit_titles(&r), ["Bericht B", "Bericht C"]);
}

#[test]
fn numbers_grouped_by_spaces_are_found_as_typed_either_way() {
    // `10 000` and `10.000` are `10000`: each spelling finds both, marked as printed, also when
    // a word without a spelling rule (`Łódź`) makes the snippet fold every token.
    let articles = [
        ("Bericht A", "In Łódź demonstrierten 10 000 Menschen."),
        ("Bericht B", "In Łódź feierten 10.000 Menschen."),
        (
            "Bericht C",
            "Ein Bericht aus Łódź mit 10 Zahlen, 000 Nullen und 1\u{a0}500\u{a0}000 Euro.",
        ),
    ];
    let (_dir, searcher) = index_of(&articles);
    for query in ["10000", "10 000", "10.000", "Łódź 10000"] {
        let r = searcher.search(&SearchRequest::new(query)).unwrap();
        let mut found: Vec<(&str, Vec<String>)> = r
            .hits
            .iter()
            .filter(|h| h.title != "Bericht C")
            .map(|h| (h.title.as_str(), marked(&h.snippet.text, &h.snippet.highlights)))
            .collect();
        found.sort();
        let marks = |m: &[&str]| m.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (a, b) = if query.starts_with('Ł') {
            (marks(&["Łódź", "10 000"]), marks(&["Łódź", "10.000"]))
        } else {
            (marks(&["10 000"]), marks(&["10.000"]))
        };
        assert_eq!(found, [("Bericht A", a), ("Bericht B", b)], "{query}");
    }
    assert_eq!(found_and_marked(&searcher, "1500000").1, ["1\u{a0}500\u{a0}000"]);
    // The digits of a number that is not grouped are words of their own.
    assert_eq!(found_and_marked(&searcher, "000 Nullen").0[0], "Bericht C");
}

#[test]
fn abbreviations_and_their_words_find_each_other() {
    // `St. Pauli` and `Sankt Pauli`, `Mio.` and `Millionen`: either spelling finds both, the
    // typed one first, and the snippet marks the abbreviation as printed.
    let articles = [
        ("Bericht A", "Der FC St. Pauli verliert gegen Kiel."),
        ("Bericht B", "Ein Bericht über die Stadt Kiel."),
        ("Bericht C", "Der Senat zahlt 5 Mio. Euro an die Stiftung."),
        ("Bericht D", "Fans von Sankt Pauli feiern in Hamburg."),
    ];
    let (_dir, searcher) = index_of(&articles);
    for (query, titles, marked_word) in [
        ("Sankt Pauli", ["Bericht D", "Bericht A"], vec!["Sankt", "Pauli"]),
        ("St. Pauli", ["Bericht A", "Bericht D"], vec!["St", "Pauli"]),
    ] {
        let (found, marks) = found_and_marked(&searcher, query);
        assert_eq!(found, titles, "{query}");
        assert_eq!(marks, marked_word, "{query}");
    }
    for query in ["Millionen", "Mio"] {
        assert_eq!(
            found_and_marked(&searcher, query),
            (vec!["Bericht C".into()], vec!["Mio".into()])
        );
    }
    // `Stadt` and `Stiftung` begin like `St`: not marked as `Sankt`.
    let (titles, marks) = found_and_marked(&searcher, "Sankt Kiel");
    assert_eq!(titles[0], "Bericht A");
    assert_eq!(marks, ["St", "Kiel"]);
}

#[test]
fn apostrophes_and_thousands_separators_typed_or_printed_alike() {
    // `Ku’damm` (typographic apostrophe) and `Ku'damm` (the keyboard's) are found by either
    // and by `Kudamm`, `McDonald’s` by `McDonalds`, `100.000` by `100000`: apostrophes inside
    // a word and thousands separators are dropped on both sides, and highlighted as printed.
    let articles = [
        ("Bericht A", "Auf dem Ku’damm öffnet eine Filiale von McDonald’s."),
        ("Bericht B", "Ein Bericht über das Wetter."),
        ("Bericht C", "Am Ku'damm demonstrieren 100.000 Menschen."),
    ];
    let (_dir, searcher) = index_of(&articles);
    for (query, title, marked_word) in [
        ("McDonalds", "Bericht A", "McDonald’s"),
        ("100000", "Bericht C", "100.000"),
        ("100.000", "Bericht C", "100.000"),
    ] {
        let expected = (vec![title.to_string()], vec![marked_word.to_string()]);
        assert_eq!(found_and_marked(&searcher, query), expected, "{query}");
    }
    for query in ["Ku'damm", "Ku’damm", "Kudamm"] {
        let (mut titles, marks) = found_and_marked(&searcher, query);
        titles.sort();
        assert_eq!(titles, ["Bericht A", "Bericht C"], "{query}");
        assert!(marks == ["Ku’damm"] || marks == ["Ku'damm"], "{query}: {marks:?}");
    }
    // The ASCII apostrophe is highlighted too (a snippet looks at it folded).
    let r = searcher.search(&SearchRequest::new("Kudamm Menschen")).unwrap();
    let s = &r.hits[0].snippet;
    assert_eq!(marked(&s.text, &s.highlights), ["Ku'damm", "Menschen"]);
}

#[test]
fn a_name_that_is_a_stop_word_pairs_with_its_neighbour() {
    // `Weil` is a stop word (`weil`, because) and the index cannot tell the name from it; but
    // written capitalised after the first query word it is a name, and the articles with
    // `Stephan Weil` together come first.
    let articles = [
        ("Bericht A", "Der Lockdown bleibt, sagt Ministerpräsident Stephan Weil in Hannover."),
        ("Bericht B", "Stephan Berg meint, der Lockdown sei richtig, weil der Lockdown wirkt."),
        ("Bericht C", "Ein Lockdown, weil Stephan es sagt? Der Lockdown und der Lockdown."),
    ];
    let (_dir, searcher) = index_of(&articles);
    let r = searcher.search(&SearchRequest::new("Stephan Weil Lockdown")).unwrap();
    assert_eq!(hit_titles(&r)[0], "Bericht A", "{:?}", hit_titles(&r));
    // The lower-case function word pairs with nothing: `weil` is dropped as before.
    let r = searcher.search(&SearchRequest::new("Stephan weil Lockdown")).unwrap();
    assert_ne!(hit_titles(&r)[0], "Bericht A", "{:?}", hit_titles(&r));
}

/// An index of `articles` (title, body) read from one JSON lines file.
fn index_of(articles: &[(&str, &str)]) -> (tempfile::TempDir, Searcher) {
    let dated: Vec<(&str, &str, &str)> = articles.iter().map(|&(t, b)| (t, b, "")).collect();
    index_of_dated(&dated)
}

/// Indexes (title, body, date) articles; an empty date is none.
fn index_of_dated(articles: &[(&str, &str, &str)]) -> (tempfile::TempDir, Searcher) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let lines: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(i, (title, body, date))| {
            let mut article = serde_json::json!({
                "url": format!("https://example.invalid/{i}"),
                "header": title,
                "article": body,
            });
            if !date.is_empty() {
                article["date"] = serde_json::json!(date);
            }
            article.to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let index = dir.path().join("index");
    let mut indexer = presse_indexer::IndexerBuilder::new().open(&index).unwrap();
    indexer.index_paths(&[input], &|_| {}).unwrap();
    drop(indexer);
    let searcher = Searcher::open(&index).unwrap();
    (dir, searcher)
}

#[test]
fn a_typo_whose_stem_is_a_common_word_is_still_expanded() {
    // `Guteres` stems to `gut`, a common term: the exact stem alone would never reach
    // `Guterres`. The typed word is no German word, so its typo expansions are searched too.
    let mut articles: Vec<(&str, &str)> =
        (0..30).map(|_| ("Ein guter Tag", "Das Wetter war gut und die Laune gut.")).collect();
    articles.push(("UN-Generalsekretär warnt", "António Guterres sprach vor der Versammlung."));
    let (_dir, searcher) = index_of(&articles);
    let r = searcher.search(&SearchRequest::new("Guteres").limit(50)).unwrap();
    assert!(
        r.hits.iter().any(|h| h.title == "UN-Generalsekretär warnt"),
        "{:?}",
        r.hits.iter().map(|h| &h.title).collect::<Vec<_>>()
    );
    // A real German word with a common stem is not expanded: `guter` finds only `gut…`.
    let r = searcher.search(&SearchRequest::new("guter").limit(50)).unwrap();
    assert!(r.hits.iter().all(|h| h.title == "Ein guter Tag"));
}

#[test]
fn two_edits_only_when_one_edit_finds_nothing() {
    let (_dir, searcher) = index_of(&[
        ("Erstens", "Kowalski sprach im Landtag."),
        ("Zweitens", "Kowalskyja sprach im Stadtrat."),
    ]);
    let titles = |q: &str| {
        let r = searcher.search(&SearchRequest::new(q)).unwrap();
        let mut t: Vec<String> = r.hits.into_iter().map(|h| h.title).collect();
        t.sort();
        t
    };
    // `Kowalsky` is one edit from `Kowalski`, two from `Kowalskyja`: the nearer word wins.
    assert_eq!(titles("Kowalsky"), ["Erstens"]);
    // Asked for two edits, both come.
    assert_eq!(titles("Kowalsky~2"), ["Erstens", "Zweitens"]);
    // With nothing one edit away, two edits are searched.
    assert_eq!(titles("Kowalskyjaaa"), ["Zweitens"]);
}

#[test]
fn a_word_in_several_fields_counts_its_best_field_and_half_of_the_others() {
    // A word with no parts and no other forms, so that its group is the word alone.
    let (_dir, searcher) = index_of(&[("Lawrow reist", "Der Minister Lawrow ist in Genf.")]);
    let score = |q: &str| searcher.search(&SearchRequest::new(q)).unwrap().hits[0].score;
    let (title, body) = (1.1 * score("title:Lawrow"), score("body:Lawrow"));
    let both = score("Lawrow");
    let expected = title.max(body) + 0.5 * title.min(body);
    assert!((both - expected).abs() < 1e-3 * expected, "{both} vs {expected}");
    assert!(both < title + body, "not summed");
}

#[test]
fn an_index_without_articles_finds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    drop(presse_indexer::IndexerBuilder::new().open(&index).unwrap());
    let searcher = Searcher::open(&index).unwrap();
    let r = searcher.search(&SearchRequest::new("Impfstoff Lawrow").facets(true)).unwrap();
    assert_eq!((r.total_hits, r.hits.len()), (0, 0));
}

#[test]
fn a_word_the_index_holds_gets_one_edit_neighbours_and_sound_alikes() {
    let mut articles = vec![("Selten", "Der Bergsteiger kam.")];
    articles.extend((0..5).map(|_| ("Häufig", "Der Bergsteller kam.")));
    articles.extend((0..6).map(|_| ("Xyloton", "Das Xylotonikus spielt.")));
    articles.extend((0..10).map(|_| ("Xylodon", "Das Xylodonnikus spielt.")));
    articles.push(("Englisch", "Premier Medvedev said."));
    articles.extend((0..6).map(|_| ("Russisch", "Premier Medwedew sagte.")));
    articles.extend((0..2).map(|_| ("Zelensky", "Präsident Zelensky spricht.")));
    articles.extend((0..3).map(|_| ("Selensky", "Präsident Selensky spricht.")));
    articles.extend((0..6).map(|_| ("Selenskyj", "Präsident Selenskyj spricht.")));
    let (_dir, searcher) = index_of(&articles);
    let titles = |q: &str| -> HashSet<String> {
        let r = searcher.search(&SearchRequest::new(q).limit(50)).unwrap();
        r.hits.iter().map(|h| h.title.clone()).collect()
    };
    let set = |t: &[&str]| -> HashSet<String> { t.iter().map(|s| s.to_string()).collect() };
    // `Bergsteiger` is in the index: `Bergsteller`, two edits away and sounding otherwise, is
    // another word.
    assert_eq!(titles("Bergsteiger"), set(&["Selten"]));
    // A spelling a few articles use finds the sound-alike spelling of the others, also when a
    // more common spelling is one edit away.
    assert_eq!(titles("Medvedev"), set(&["Englisch", "Russisch"]));
    assert_eq!(titles("Zelensky"), set(&["Zelensky", "Selensky", "Selenskyj"]));
    // One that six articles use is a spelling of its own: one edit only.
    assert_eq!(titles("Xylotonikus"), set(&["Xyloton"]));
    // A word the index does not hold still reaches two edits.
    assert!(titles("Xylodonikuss").contains("Xylodon"), "{:?}", titles("Xylodonikuss"));
}

#[test]
fn a_transliteration_the_index_holds_still_finds_the_common_spelling() {
    // Two articles write `Lavrov`, many `Lawrow` (two edits, the same sound): a reader who
    // types `Lavrov` means the man, not the spelling.
    let mut articles = vec![("Englisch", "Minister Lavrov sprach."); 2];
    articles.extend((0..6).map(|_| ("Deutsch", "Minister Lawrow sprach.")));
    let (_dir, searcher) = index_of(&articles);
    let r = searcher.search(&SearchRequest::new("Lavrov").limit(20)).unwrap();
    assert_eq!(r.total_hits, 8);
}

#[test]
fn a_query_word_written_as_a_noun_finds_no_verb_forms() {
    // `stad` (Bavarian: quiet) is `Stadt` without its `t`, as `entmach` is `entmachtet`
    // without it: a verb form for a word typed in lower case, none for a noun.
    let (_dir, searcher) = index_of(&[
        ("Die Stadt im Winter", "Die Stadt liegt unter Schnee."),
        ("Endlich stad", "Nach dem Trubel wird es stad im Dorf."),
        ("Wetter", "Es regnet auf dem Land."),
    ]);
    let titles = |q: &str| -> Vec<String> {
        let r = searcher.search(&SearchRequest::new(q)).unwrap();
        r.hits.into_iter().map(|h| h.title).collect()
    };
    assert_eq!(titles("Stadt"), ["Die Stadt im Winter"]);
    assert_eq!(titles("stadt"), ["Die Stadt im Winter", "Endlich stad"]);
}

#[test]
fn infinitives_find_the_participles_snowball_keeps_apart() {
    // Snowball stems `debattieren` to `debatti` but `debattiert` to itself, and keeps the `n`
    // of `verhandeln` (`verhandelten` → `verhandelt`).
    let (_dir, searcher) = index_of(&[
        ("Landtag", "Der Landtag debattiert über das Gesetz."),
        ("Gipfel", "Die Minister verhandelten bis in die Nacht."),
        ("Wetter", "Es regnet in der Stadt."),
    ]);
    for (query, title, form) in
        [("debattieren", "Landtag", "debattiert"), ("verhandeln", "Gipfel", "verhandelten")]
    {
        let r = searcher.search(&SearchRequest::new(query)).unwrap();
        assert_eq!(r.hits.len(), 1, "{query}");
        assert_eq!(r.hits[0].title, title);
        assert_eq!(marked(&r.hits[0].snippet.text, &r.hits[0].snippet.highlights), [form]);
    }
}

#[test]
fn a_latin_plural_and_its_singular_find_each_other_the_typed_first() {
    // Snowball leaves `Viren` apart from `Virus`, `Impfzentren` from `Impfzentrum`: each finds
    // the other as another form of the word, after the articles with the form typed.
    let (_dir, searcher) = index_of(&[
        ("Labor", "Im Labor untersuchen Forscher neue Viren aus Fledermäusen."),
        ("Klinik", "In der Klinik wurde ein neues Virus aus Fledermäusen entdeckt."),
        ("Impfung", "Berlin eröffnet sechs Impfzentren."),
        ("Sport", "Die Halle wird zum Impfzentrum."),
        ("Wetter", "Es regnet in der Stadt."),
    ]);
    for (query, titles, marked_word) in [
        ("Viren", ["Labor", "Klinik"], "Viren"),
        ("Virus", ["Klinik", "Labor"], "Virus"),
        ("Impfzentrum", ["Sport", "Impfung"], "Impfzentrum"),
        ("Impfzentren", ["Impfung", "Sport"], "Impfzentren"),
    ] {
        let (found, marks) = found_and_marked(&searcher, query);
        assert_eq!(found, titles, "{query}");
        assert_eq!(marks, [marked_word], "{query}");
    }
    // The other number is marked too.
    let r = searcher.search(&SearchRequest::new("Viren")).unwrap();
    let second = &r.hits[1].snippet;
    assert_eq!(marked(&second.text, &second.highlights), ["Virus"]);
}

#[test]
fn a_short_noun_finds_its_plural_in_s_never_above_itself() {
    // Snowball keeps the `-s` after a vowel: `Kita` and `Kitas` are two terms. Each finds the
    // other as a word form, and a rarer form (`Mais`, corn) never outscores the word typed
    // (`Mai`).
    let (_dir, searcher) = index_of(&[
        ("Kitas", "Die Kitas öffnen wieder."),
        ("Kita", "Eine Kita in Berlin schließt."),
        ("Demo", "Am ersten Mai demonstrieren viele in Berlin."),
        ("Biergarten", "Im Mai öffnen die Biergärten wieder in Berlin."),
        ("Wetter", "Der Mai war zu trocken für die Bauern im Land."),
        ("Ernte", "Der Mais wächst in diesem Jahr gut im Land."),
    ]);
    assert_eq!(
        hit_titles(&searcher.search(&SearchRequest::new("Kita")).unwrap()),
        ["Kita", "Kitas"]
    );
    assert_eq!(
        hit_titles(&searcher.search(&SearchRequest::new("Kitas")).unwrap()),
        ["Kitas", "Kita"]
    );
    let r = searcher.search(&SearchRequest::new("Mai")).unwrap();
    assert_eq!(r.hits.len(), 4);
    assert_eq!(r.hits[3].title, "Ernte", "{:?}", hit_titles(&r));
}

#[test]
fn elliptical_compounds_are_found_whole() {
    // `Hotel- und Gaststättengewerbe` speaks of the `Hotelgewerbe`; `Krankheitskontrolle und
    // -prävention` of `Krankheitsprävention`.
    let (_dir, searcher) = index_of(&[
        ("Branche", "Das Hotel- und Gaststättengewerbe leidet unter dem Lockdown."),
        ("Behörde", "Die Zentren für Krankheitskontrolle und -prävention warnen."),
        ("Hotel", "Das Hotel hat ein neues Gewerbe angemeldet, weit weg vom Rest."),
    ]);
    for (query, title) in [("Hotelgewerbe", "Branche"), ("Krankheitsprävention", "Behörde")] {
        let r = searcher.search(&SearchRequest::new(query)).unwrap();
        assert_eq!(r.hits.first().map(|h| h.title.as_str()), Some(title), "{query}");
    }
}

const APPELL: &str = "Die Regierung appelliert an das Verantwortungsgefühl der Bürger. Die \
    Lage in den Kliniken sei angespannt, die Zahl der Infektionen steige seit Wochen, und die \
    Gesundheitsämter kämen mit der Nachverfolgung nicht mehr hinterher. Schulen und Kitas \
    bleiben vorerst geöffnet, Restaurants und Bars schließen um zweiundzwanzig Uhr. Der \
    Senat berät am Dienstag über weitere Schritte; die Opposition fordert einen Stufenplan, \
    die Wirtschaft Hilfen für Händler, Hoteliers und Künstler, deren Einnahmen seit dem \
    Frühjahr eingebrochen sind. Ein Ende der Pandemie sei nicht in Sicht, heißt es.";

#[test]
fn a_compound_the_articles_use_ranks_above_its_parts_apart() {
    // The parts near each other stand in for a compound no article uses; when one does, the
    // compound itself is the better evidence.
    // The parts are common words, as in any real archive.
    let (_dir, searcher) = index_of(&[
        ("Gefühle", "Gefühl, Verantwortung. Gefühl, Verantwortung. Gefühl, Verantwortung. Gefühl."),
        ("Appell", APPELL),
        ("Amt", "Die Verantwortung liegt beim Amt, sagt die Ministerin."),
        ("Bauch", "Ein ungutes Gefühl bleibt, und die Verantwortung trägt keiner."),
        ("Schule", "Das Gefühl der Eltern: niemand übernimmt Verantwortung."),
    ]);
    let r = searcher.search(&SearchRequest::new("Verantwortungsgefühl")).unwrap();
    let titles: Vec<&str> = r.hits.iter().take(2).map(|h| h.title.as_str()).collect();
    assert_eq!(titles, ["Appell", "Gefühle"]);
}

#[test]
fn a_word_ranks_above_the_compounds_that_hold_it() {
    // `Hof` stands alone in one article; others hold it as a compound part, one of them many
    // times. Parts are indexed apart from words, each with its own document frequency, so
    // the word itself ranks first; the compounds are still found, the part highlighted.
    let (_dir, searcher) = index_of(&[
        ("Innenminister", "Seehofer sagt, Seehofer meint, Seehofer will. Seehofer bleibt."),
        ("Landwirtschaft", "Der Bauernhof liegt am Rand des Dorfes."),
        ("Schlachtbetriebe", "Im Schlachthof wurden viele Arbeiter positiv getestet."),
        ("Theater", "Der Hof des Theaters bleibt im Winter geschlossen."),
    ]);
    let r = searcher.search(&SearchRequest::new("Hof")).unwrap();
    let titles = hit_titles(&r);
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert_eq!(titles[0], "Theater", "{titles:?}");
    let farm = r.hits.iter().find(|h| h.title == "Landwirtschaft").unwrap();
    assert_eq!(marked(&farm.snippet.text, &farm.snippet.highlights), ["hof"]);
    // Quoted, a word finds only itself.
    let r = searcher.search(&SearchRequest::new("\"Hof\"")).unwrap();
    let titles = hit_titles(&r);
    assert_eq!(titles, ["Theater"]);
    // A prefix finds words and compound parts alike (three of the four only by a part).
    let r = searcher.search(&SearchRequest::new("hof*")).unwrap();
    assert_eq!(r.hits.len(), 4);
}

#[test]
fn the_snippet_shows_the_word_itself_before_compounds_that_hold_it() {
    let filler = "Die Sitzung des Senats dauerte bis in den späten Abend. ".repeat(12);
    let body = format!(
        "Seehofer besuchte den Bauernhof am Stadtrand. {filler}Der Hof des Theaters bleibt \
         im Winter geschlossen. {filler}"
    );
    let (_dir, searcher) = index_of(&[("Besuch", &body)]);
    let r = searcher.search(&SearchRequest::new("Hof")).unwrap();
    let s = &r.hits[0].snippet;
    assert!(s.text.contains("Der Hof des Theaters"), "{}", s.text);
    assert!(marked(&s.text, &s.highlights).contains(&"Hof".to_string()), "{}", s.text);
}

#[test]
fn a_word_inside_a_compound_counts_for_the_passage_re_ranking() {
    // The first article has `Siemens` twice and `Gasturbinen` far from it, the second each
    // once, in one passage: it ranks first.
    let filler = "Die Sitzung des Senats dauerte bis in den späten Abend. ".repeat(8);
    let apart = format!("Siemens meldet Zahlen, Siemens wächst. {filler}Die Gasturbinen laufen.");
    let together = format!("Siemens meldet Zahlen, die Gasturbinen laufen gut. {filler}Nun ja.");
    let (_dir, searcher) = index_of(&[("Apart", &apart), ("Zusammen", &together)]);
    let r = searcher.search(&SearchRequest::new("Turbinen Siemens")).unwrap();
    let titles = hit_titles(&r);
    let scores: Vec<f32> = r.hits.iter().map(|h| h.score).collect();
    assert_eq!(titles, ["Zusammen", "Apart"], "{scores:?}");
}

#[test]
fn a_hyphenated_query_word_finds_compounds_that_hold_it() {
    // `Schultestpflicht` is schul + test + pflicht, with `testpflicht` as two neighbouring
    // parts: `Test-Pflicht` finds it by its joined form.
    let (_dir, searcher) = index_of(&[
        ("Schulen", "Die Schultestpflicht gilt ab Montag."),
        ("Sport", "Der Verein meldet ein neues Training."),
    ]);
    let r = searcher.search(&SearchRequest::new("Test-Pflicht")).unwrap();
    let titles = hit_titles(&r);
    assert_eq!(titles, ["Schulen"]);
}

#[test]
fn a_compound_never_outranks_a_common_word_by_being_rarer() {
    // `Ende` stands alone in most articles, `Jahresende` holds it in two: as a part it is rarer,
    // but a part weighs at most what the word does.
    let mut docs: Vec<(&str, &str)> = vec![
        ("Bilanz", "Zum Jahresende zieht die Firma Bilanz, das Jahresende naht."),
        ("Vorsätze", "Vorsätze zum Jahresende."),
    ];
    let endings = [
        ("Streik", "Der Streik ist am Ende."),
        ("Saison", "Das Ende der Saison kam früh."),
        ("Krieg", "Ein Ende ist nicht in Sicht."),
        ("Roman", "Der Roman hat ein offenes Ende."),
        ("Lockdown", "Kein Ende des Lockdowns."),
        ("Serie", "Die Serie geht zu Ende."),
    ];
    docs.extend(endings);
    let (_dir, searcher) = index_of(&docs);
    let r = searcher.search(&SearchRequest::new("Ende")).unwrap();
    let titles = hit_titles(&r);
    assert_eq!(titles.len(), 8, "{titles:?}");
    assert!(!["Bilanz", "Vorsätze"].contains(&titles[0]), "{titles:?}");
}

#[test]
fn a_word_common_in_compounds_is_no_typo() {
    // `Turbine` stands alone in one article and in `Gasturbinen` in 24: a word that common is
    // spelt right, and typo search does not turn it into `Turban` (one edit, 30 articles).
    let texts: Vec<(String, String)> = (0..24)
        .map(|i| (format!("Kraftwerk {i}"), format!("Im Kraftwerk {i} laufen die Gasturbinen.")))
        .chain((0..30).map(|i| (format!("Mode {i}"), format!("Der Turban Nummer {i} ist neu."))))
        .chain([("Technik".to_string(), "Eine Turbine dreht sich.".to_string())])
        .collect();
    let docs: Vec<(&str, &str)> = texts.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
    let (_dir, searcher) = index_of(&docs);
    let r = searcher.search(&SearchRequest::new("Turbine")).unwrap();
    assert_eq!(r.total_hits, 25);
    assert!(r.hits.iter().all(|h| !h.title.starts_with("Mode")));
    // Typed wrong, it still finds them.
    let r = searcher.search(&SearchRequest::new("Turbiene")).unwrap();
    assert_eq!(r.hits[0].title, "Technik");
}

#[test]
fn two_parts_of_a_longer_compound_find_it() {
    // `Intensivbettenkapazität` is intensiv + bett + kapazität; `Intensivbetten` is two of them.
    let (_dir, searcher) = index_of(&[
        ("Kliniken", "Die Intensivbettenkapazität in Berlin sinkt weiter."),
        ("Station", "Die Betten der Station sind belegt, die Pflege intensiv."),
    ]);
    let r = searcher.search(&SearchRequest::new("Intensivbetten")).unwrap();
    assert_eq!(r.hits[0].title, "Kliniken");
    assert_eq!(marked(&r.hits[0].snippet.text, &r.hits[0].snippet.highlights), ["Intensivbett"]);
}

#[test]
fn a_typo_in_the_first_letter_is_found_when_nothing_else_is() {
    // Typo neighbours are looked for among words whose first letter sounds alike; when no
    // article has the word and nothing sounds alike, one edit anywhere (`ockdown`).
    let mut articles: Vec<(&str, &str)> =
        (0..5).map(|_| ("Lockdown", "Der Lockdown wird verlängert.")).collect();
    articles.push(("Wetter", "Es regnet."));
    let (_dir, searcher) = index_of(&articles);
    for query in ["ockdown", "oLckdown", "Pockdown"] {
        let r = searcher.search(&SearchRequest::new(query)).unwrap();
        assert_eq!(r.total_hits, 5, "{query}");
        assert!(r.hits.iter().all(|h| h.title == "Lockdown"));
    }
}

#[test]
fn coordination_holds_in_a_segment_without_one_of_the_words() {
    // The article with one query word many times sits in a segment where the other word has
    // no postings at all; it must still count as matching half of the query.
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, articles: &[(&str, &str)]| -> PathBuf {
        let path = dir.path().join(name);
        let lines: Vec<String> = articles
            .iter()
            .enumerate()
            .map(|(i, (title, body))| {
                serde_json::json!({"url": format!("https://example.invalid/{name}/{i}"),
                    "header": title, "article": body})
                .to_string()
            })
            .collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        path
    };
    let one = write("one.jsonl", &[("Nur Alpha", "Alpha alpha alpha alpha alpha.")]);
    let mut other = vec![("Beide", "Alpha und Beta.")];
    other.extend((0..10).map(|_| ("Andere", "Beta und Gamma.")));
    let two = write("two.jsonl", &other);
    let index = dir.path().join("index");
    let mut indexer = presse_indexer::IndexerBuilder::new().threads(1).open(&index).unwrap();
    indexer.index_paths(&[one], &|_| {}).unwrap();
    indexer.index_paths(&[two], &|_| {}).unwrap();
    drop(indexer);
    let segments = tantivy::Index::open_in_dir(&index).unwrap().searchable_segment_ids().unwrap();
    assert_eq!(segments.len(), 2);
    let searcher = Searcher::open(&index).unwrap();
    // (A scoped word makes no proximity bonus: the groups alone.)
    let r = searcher.search(&SearchRequest::new("Alpha body:Beta")).unwrap();
    assert_eq!(r.hits[0].title, "Beide");
    assert_eq!(r.hits[1].title, "Nur Alpha");
}

#[test]
fn typo_search_finds_the_same_with_the_vocabulary_as_segment_by_segment() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    // Runs of one thread: a segment each, so that the vocabulary merges dictionaries.
    let mut indexer = presse_indexer::IndexerBuilder::new().threads(1).open(&index).unwrap();
    indexer.index_paths(&[fixtures().join("seed.txt")], &|_| {}).unwrap();
    indexer.index_paths(&[fixtures().join("corpus-sample.jsonl")], &|_| {}).unwrap();
    indexer.index_paths(&[fixtures().join("txt")], &|_| {}).unwrap();
    // Dropped without `finish`: no vocabulary.
    drop(indexer);
    let queries = [
        "Cybersicherhiet",
        "Lavrov",
        "Lawrov Mechanissmus",
        "Lavrov Mechanissmus Cybersicherhiet",
        "Nawalni",
        "Kiewr~2",
        "Impfstof Zulasung",
        "Corona-Krize",
        // Only in the article added last, outside the vocabulary.
        "Kwaxolumbirt",
    ];
    let run = |searcher: &Searcher| -> Vec<Vec<(String, u32)>> {
        queries
            .iter()
            .map(|q| match searcher.search(&SearchRequest::new(*q)) {
                Ok(r) => r.hits.iter().map(|h| (h.id.clone(), h.score.to_bits())).collect(),
                Err(_) => Vec::new(),
            })
            .collect()
    };
    let searcher = Searcher::open(&index).unwrap();
    let stats = searcher.stats().unwrap();
    assert!(stats.segments >= 2, "{} segments", stats.segments);
    assert_eq!(stats.vocabulary_terms, None);
    let walked = run(&searcher);
    assert!(walked.iter().filter(|hits| !hits.is_empty()).count() >= 5, "{walked:?}");
    drop(searcher);
    let indexer = presse_indexer::IndexerBuilder::new().open(&index).unwrap();
    assert!(indexer.finish().unwrap(), "a vocabulary is written");
    let searcher = Searcher::open(&index).unwrap();
    let terms = searcher.stats().unwrap().vocabulary_terms.expect("the vocabulary is used");
    let run_before_extra = walked.clone();
    assert!(terms > 1000, "{terms} terms");
    assert_eq!(run(&searcher), walked, "the same hits and scores");
    drop(searcher);
    // Up to date: not written again.
    assert!(!presse_indexer::IndexerBuilder::new().open(&index).unwrap().finish().unwrap());
    // One article more, in a segment of its own: too few to rewrite the vocabulary, so its
    // dictionary is walked beside it.
    let extra = dir.path().join("extra.json");
    std::fs::write(
        &extra,
        r#"{"url": "https://example.org/x", "header": "Lawrow und Nawalny",
            "article": "Cybersicherheit und Corona-Krise: Lawrow, Nawalny, Kwaxolumbrit."}"#,
    )
    .unwrap();
    let mut indexer = presse_indexer::IndexerBuilder::new().threads(1).open(&index).unwrap();
    indexer.index_paths(&[extra], &|_| {}).unwrap();
    assert!(!indexer.finish().unwrap(), "1 article of 31: the vocabulary stays");
    let searcher = Searcher::open(&index).unwrap();
    assert!(searcher.stats().unwrap().vocabulary_terms.is_some());
    let with_vocabulary = run(&searcher);
    drop(searcher);
    for entry in std::fs::read_dir(&index).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with("vocabulary-") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let searcher = Searcher::open(&index).unwrap();
    assert_eq!(searcher.stats().unwrap().vocabulary_terms, None);
    let walked = run(&searcher);
    assert_ne!(walked, run_before_extra, "the new article counts");
    assert_eq!(with_vocabulary, walked, "the same hits and scores");
}

#[test]
fn names_in_english_transliteration_or_cyrillic_find_the_german_spelling() {
    // Three to four letters apart, too far for typo tolerance: respelt by the German
    // transliteration rules, and highlighted as the article writes them.
    let (_dir, searcher) = index_of(&[
        ("Belarus", "Swetlana Tichanowskaja ruft zu Streiks auf."),
        ("Energie", "Das Kraftwerk Tschernobyl bleibt gesperrt."),
        ("Geschichte", "Michail Gorbatschow wird neunzig."),
        ("Sport", "Der Verein meldet ein neues Training."),
    ]);
    for (query, title, written) in [
        ("Tikhanovskaya", "Belarus", "Tichanowskaja"),
        ("Chernobyl", "Energie", "Tschernobyl"),
        // Respelt `Gorbatschew`, one letter from the German `Gorbatschow`.
        ("Gorbachev", "Geschichte", "Gorbatschow"),
        // Pasted in Cyrillic.
        ("Тихановская", "Belarus", "Tichanowskaja"),
        ("Горбачёв", "Geschichte", "Gorbatschow"),
    ] {
        let expected = (vec![title.to_string()], vec![written.to_string()]);
        assert_eq!(found_and_marked(&searcher, query), expected, "{query}");
    }
}

#[test]
fn a_transliteration_ranks_below_the_spelling_typed() {
    // The index has both spellings: the one typed ranks first, the German one still matches.
    let (_dir, searcher) = index_of(&[
        ("Deutsch", "Außenminister Lawrow reist nach Berlin."),
        ("Moskau", "Lawrow empfängt seinen Amtskollegen."),
        ("Englisch", "Foreign minister Lavrov travels to Berlin."),
        ("Sport", "Der Verein meldet ein neues Training."),
    ]);
    let r = searcher.search(&SearchRequest::new("Lavrov")).unwrap();
    let titles = hit_titles(&r);
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert_eq!(titles[0], "Englisch", "{titles:?}");
}

#[test]
fn german_words_are_not_respelt_as_transliterations() {
    // `Zeche` would respell as `setsche` (`z` → `s`, `ch` → `tsch`); the lexicon knows it as
    // German, so nothing is searched for it but itself and its typos.
    let (_dir, searcher) = index_of(&[
        ("Bergbau", "Die Zeche schließt."),
        ("Unsinn", "Setsche ist kein Wort."),
        ("Unsinn", "Setsche ist immer noch kein Wort."),
        ("Sport", "Der Verein meldet ein neues Training."),
    ]);
    let r = searcher.search(&SearchRequest::new("Zeche")).unwrap();
    assert_eq!(hit_titles(&r), ["Bergbau"]);
}

#[test]
fn a_misspelt_word_stands_for_the_common_word_before_the_rare_one() {
    // `Spahm` is one edit from `Spahn` (in 25 articles) and from `Spam` (in one): BM25 alone
    // would put the rare word's article first.
    let texts: Vec<(String, String)> = (0..25)
        .map(|i| (format!("Minister {i}"), format!("Minister Spahn äußert sich zum Thema {i}.")))
        .chain([("Postfach".to_string(), "Der Spam im Postfach nimmt zu.".to_string())])
        .collect();
    let docs: Vec<(&str, &str)> = texts.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
    let (_dir, searcher) = index_of(&docs);
    let r = searcher.search(&SearchRequest::new("Spahm")).unwrap();
    let titles = hit_titles(&r);
    assert_eq!(r.total_hits, 26, "{titles:?}");
    assert!(titles[0].starts_with("Minister"), "{titles:?}");
}

#[test]
fn a_hyphenated_query_word_finds_what_the_joined_word_finds() {
    // "Notbremse, die der Bund …": four words apart, too far for the chain's own words, as
    // near as `Bundesnotbremse` looks for its parts.
    let (_dir, searcher) = index_of(&[
        ("Gesetz", "Die Notbremse, die der Bund beschließen will, greift ab Montag."),
        ("Sport", "Der Verein meldet ein neues Training."),
    ]);
    for query in ["Bundesnotbremse", "Bundes-Notbremse"] {
        let r = searcher.search(&SearchRequest::new(query)).unwrap();
        assert_eq!(hit_titles(&r), ["Gesetz"], "{query}");
    }
}

#[test]
fn the_other_spelling_german_allows_is_found_after_the_one_typed() {
    let (_dir, searcher) = index_of(&[
        ("Neu", "Das Foto zeigt das Potenzial der Anlage."),
        ("Alt", "Das Photo zeigt das Potential der Anlage."),
        ("Sport", "Der Verein meldet ein neues Training."),
    ]);
    for (query, typed, other) in [("Foto", "Neu", "Alt"), ("Photo", "Alt", "Neu")] {
        let r = searcher.search(&SearchRequest::new(query)).unwrap();
        assert_eq!(hit_titles(&r), [typed, other], "{query}");
    }
    let r = searcher.search(&SearchRequest::new("Potential")).unwrap();
    let other = r.hits.iter().find(|h| h.title == "Neu").expect("Potenzial found");
    assert_eq!(marked(&other.snippet.text, &other.snippet.highlights), ["Potenzial"]);
    // Quoted, a word is taken as written.
    let r = searcher.search(&SearchRequest::new("\"Photo\"")).unwrap();
    assert_eq!(hit_titles(&r), ["Alt"]);
}

#[test]
fn a_kicker_is_read_as_the_lead_and_counts_like_one() {
    // A two-line header: kicker, then headline. The kicker is the article's lead; few articles
    // have one, and a lead's length is measured against the leads there are, not spread over
    // every article (which made any lead many times too long, and its words nearly worthless).
    let mut articles: Vec<(String, String)> = (0..30)
        .map(|i| (format!("Sport {i}"), format!("Der Verein meldet ein neues Training {i}.")))
        .collect();
    articles.push((
        "Wasserstoff für die Stahlindustrie\nThyssenkrupp plant neues Werk".to_string(),
        "Der Konzern investiert Milliarden in Duisburg.".to_string(),
    ));
    articles.push((
        "Energie".to_string(),
        "Der Konzern investiert Milliarden in Wasserstoff und Duisburg, sagt der Chef heute."
            .to_string(),
    ));
    let docs: Vec<(&str, &str)> = articles.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
    let (_dir, searcher) = index_of(&docs);
    let r = searcher.search(&SearchRequest::new("Wasserstoff")).unwrap();
    assert_eq!(hit_titles(&r), ["Thyssenkrupp plant neues Werk", "Energie"]);
}
