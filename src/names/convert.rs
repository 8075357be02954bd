//! Training and evaluation data: GUM's entity annotation and UNER's IOB2, as documents of
//! sentences with name spans.
//!
//! **GUM** marks every mention in the MISC column (`Entity=(12-person-new-…-Daniel_Bernoulli`
//! opens mention 12, `Entity=12)` closes it; the fields are
//! `GRP-etype-infstat-salience-centering-minspan-link-identity`). A mention becomes a name when
//! its type is `person`, `organization` or `place` and it is *named*: it has a Wikipedia identity
//! or its head (the word whose head lies outside the mention) is a proper noun. GUM's span is the
//! whole noun phrase, so the name is cut out of it:
//!
//! 1. where the words of the identity ("University_of_Portsmouth") appear in the mention, that
//!    stretch is the name;
//! 2. otherwise, the proper nouns around a proper-noun head, joined across hyphens, dots and
//!    ampersands, and for organizations and places across "of", "de", "and", … when a proper
//!    noun follows ("Bank of America"); a person's "of" ends the name ("Cheng Chung-tai of Civic
//!    Passion" gives "Cheng Chung-tai", and "Civic Passion" is a name of its own);
//! 3. a mention with neither (a described "all-girl Afghan team") gives no name.
//!
//! Nested names inside a longer name are dropped (the longest wins, then the earliest). GUM types
//! a country by its role ("South Korea said" is an organization); newsgraph types it from the
//! gazetteer, so a name the gazetteer knows as a country is a place here.
//!
//! **UNER** (`.iob2`) has `# newdoc id`, `# sent_id`, `# text` comments and word lines
//! `id form tag …` with tags `O`, `B-PER`, `I-ORG`, …; an `I-` that continues nothing opens a name.

use super::{NameSpan, NameType, NamedDocument, NamedSentence};
use crate::syntax::conllu::TreebankSentence;

/// Lowercase words an organization or place name may contain between proper nouns.
const NAME_CONNECTORS: &[&str] = &["of", "de", "du", "des", "del", "la", "le", "and", "&", "for", "on", "upon", "the", "y", "da", "di"];
/// Punctuation that joins proper nouns into one name ("Chung - tai", "St. Louis", "AT&T").
const NAME_JOINERS: &[&str] = &["-", ".", "&", "'", "’"];

/// One GUM mention: words `start..end`, its type and its identity (empty when none).
#[derive(Clone, Debug, PartialEq, Eq)]
struct GumMention {
    start: usize,
    end: usize,
    etype: String,
    identity: String,
}

/// A GUM file (one document) as a [`NamedDocument`]; `is_country` tells the gazetteer's
/// countries. Errors carry the line of the sentence.
pub fn gum_document(id: &str, sentences: &[TreebankSentence], is_country: &dyn Fn(&str) -> bool) -> Result<NamedDocument, (usize, String)> {
    let mut document = NamedDocument { id: id.to_owned(), sentences: Vec::with_capacity(sentences.len()) };
    for sentence in sentences {
        let mentions = gum_mentions(sentence).map_err(|message| (sentence.line, message))?;
        let mut candidates: Vec<NameSpan> = mentions.iter().filter_map(|mention| gum_name(sentence, mention)).collect();
        candidates.sort_by_key(|name| (std::cmp::Reverse(name.end - name.start), name.start));
        let mut names: Vec<NameSpan> = Vec::new();
        for name in candidates {
            if names.iter().all(|kept| kept.end <= name.start || name.end <= kept.start) {
                names.push(name);
            }
        }
        names.sort();
        let forms: Vec<String> = sentence.words.iter().map(|word| word.form.clone()).collect();
        for name in &mut names {
            if is_country(&forms[name.start as usize..name.end as usize].join(" ")) {
                name.kind = NameType::Location;
            }
        }
        document.sentences.push(NamedSentence { forms, names });
    }
    Ok(document)
}

/// The mentions of a sentence, from the `Entity=` values of its words' MISC columns.
fn gum_mentions(sentence: &TreebankSentence) -> Result<Vec<GumMention>, String> {
    let mut open: Vec<(String, GumMention)> = Vec::new();
    let mut done = Vec::new();
    for (idx, word) in sentence.words.iter().enumerate() {
        let Some(value) = word.misc.split('|').find_map(|field| field.strip_prefix("Entity=")) else { continue };
        let mut rest = value;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let end = after.find(['(', ')']).unwrap_or(after.len());
                let fields: Vec<&str> = crate::span::prefix(after, end).splitn(8, '-').collect();
                if fields.len() < 2 || fields[0].is_empty() {
                    return Err(format!("word {}: malformed entity '{value}'", idx + 1));
                }
                let mention = GumMention {
                    start: idx,
                    end: idx + 1,
                    etype: fields[1].to_owned(),
                    identity: fields.get(7).copied().unwrap_or_default().to_owned(),
                };
                let closes_here = crate::span::suffix(after, end).starts_with(')');
                if closes_here {
                    done.push(mention);
                    rest = crate::span::suffix(after, end + 1);
                } else {
                    open.push((fields[0].to_owned(), mention));
                    rest = crate::span::suffix(after, end);
                }
            } else {
                let end = rest.find(')').ok_or_else(|| format!("word {}: malformed entity '{value}'", idx + 1))?;
                let group = crate::span::prefix(rest, end);
                let at = open
                    .iter()
                    .rposition(|(id, _)| id == group)
                    .ok_or_else(|| format!("word {}: entity {group} closes but was never opened", idx + 1))?;
                let (_, mut mention) = open.remove(at);
                mention.end = idx + 1;
                done.push(mention);
                rest = crate::span::suffix(rest, end + 1);
            }
        }
    }
    if let Some((id, _)) = open.first() {
        return Err(format!("entity {id} is never closed in the sentence"));
    }
    done.sort_by_key(|mention| (mention.start, std::cmp::Reverse(mention.end)));
    Ok(done)
}

/// The name inside a GUM mention, if the mention is a named person, organization or place.
fn gum_name(sentence: &TreebankSentence, mention: &GumMention) -> Option<NameSpan> {
    let kind = match mention.etype.as_str() {
        "person" => NameType::Person,
        "organization" => NameType::Organization,
        "place" => NameType::Location,
        _ => return None,
    };
    let words = &sentence.words[mention.start..mention.end];
    let inside = |head: Option<u32>| head.is_some_and(|head| head as usize > mention.start && head as usize <= mention.end);
    let head = words.iter().position(|word| !inside(word.head)).unwrap_or(0);
    if !mention.identity.is_empty() {
        if let Some((start, end)) = find_identity(words, &mention.identity) {
            return Some(NameSpan { start: (mention.start + start) as u32, end: (mention.start + end) as u32, kind });
        }
    }
    let is_proper = |idx: usize| words.get(idx).is_some_and(|word| word.upos == "PROPN");
    if !is_proper(head) {
        return None;
    }
    let joins = |idx: usize| {
        let form = words[idx].form.to_lowercase();
        NAME_JOINERS.contains(&form.as_str()) || (kind != NameType::Person && NAME_CONNECTORS.contains(&form.as_str()))
    };
    let (mut start, mut end) = (head, head + 1);
    while start > 0 && (is_proper(start - 1) || (start >= 2 && joins(start - 1) && is_proper(start - 2))) {
        start -= if is_proper(start - 1) { 1 } else { 2 };
    }
    while end < words.len() && (is_proper(end) || (joins(end) && is_proper(end + 1))) {
        end += if is_proper(end) { 1 } else { 2 };
    }
    Some(NameSpan { start: (mention.start + start) as u32, end: (mention.start + end) as u32, kind })
}

/// The words `start..end` of `words` that spell `identity` (a Wikipedia title, `_` for spaces,
/// `%2C` for commas), compared without spaces and case; the longest such stretch.
fn find_identity(words: &[crate::syntax::conllu::Word], identity: &str) -> Option<(usize, usize)> {
    let wanted: String = identity.replace("%2C", ",").replace("%28", "(").replace("%29", ")").replace('_', "").to_lowercase();
    let wanted = wanted.split('(').next().unwrap_or_default().trim_end_matches(',').to_owned();
    if wanted.is_empty() {
        return None;
    }
    for length in (1..=words.len()).rev() {
        for start in 0..=words.len() - length {
            let joined: String = words[start..start + length].iter().map(|word| word.form.to_lowercase()).collect();
            if joined == wanted {
                return Some((start, start + length));
            }
        }
    }
    None
}

/// Reads a UNER `.iob2` file's text into documents (a `# newdoc` comment starts one; a file
/// without any is one document). Errors carry the 1-based line.
pub fn uner_documents(text: &str) -> Result<Vec<NamedDocument>, (usize, String)> {
    let mut documents: Vec<NamedDocument> = Vec::new();
    let mut sentence = NamedSentence::default();
    let mut open: Option<(usize, NameType)> = None;
    let close = |sentence: &mut NamedSentence, open: &mut Option<(usize, NameType)>, end: usize| {
        if let Some((start, kind)) = open.take() {
            sentence.names.push(NameSpan { start: start as u32, end: end as u32, kind });
        }
    };
    let finish = |sentence: &mut NamedSentence, open: &mut Option<(usize, NameType)>, documents: &mut Vec<NamedDocument>| {
        close(sentence, open, sentence.forms.len());
        if !sentence.forms.is_empty() {
            if documents.is_empty() {
                documents.push(NamedDocument::default());
            }
            documents.last_mut().expect("pushed").sentences.push(std::mem::take(sentence));
        }
    };
    for (idx, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut sentence, &mut open, &mut documents);
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(id) = comment.trim().strip_prefix("newdoc id").map(|rest| rest.trim_start_matches([' ', '=']).trim()) {
                finish(&mut sentence, &mut open, &mut documents);
                documents.push(NamedDocument { id: id.to_owned(), sentences: Vec::new() });
            }
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 3 || columns[0].parse::<u32>().is_err() {
            return Err((idx + 1, format!("expected 'id<TAB>form<TAB>tag', found '{line}'")));
        }
        let word = sentence.forms.len();
        let tag = columns[2].trim();
        if tag == "O" {
            close(&mut sentence, &mut open, word);
        } else {
            let (prefix, code) = tag.split_once('-').ok_or_else(|| (idx + 1, format!("tag '{tag}' is not O, B-TYPE or I-TYPE")))?;
            let kind = NameType::from_code(code).ok_or_else(|| (idx + 1, format!("unknown name type '{code}' (PER, ORG or LOC)")))?;
            match prefix {
                "B" => {
                    close(&mut sentence, &mut open, word);
                    open = Some((word, kind));
                }
                "I" if open.is_some_and(|(_, open_kind)| open_kind == kind) => {}
                "I" => {
                    close(&mut sentence, &mut open, word);
                    open = Some((word, kind));
                }
                _ => return Err((idx + 1, format!("tag '{tag}' is not O, B-TYPE or I-TYPE"))),
            }
        }
        sentence.forms.push(columns[1].to_owned());
    }
    finish(&mut sentence, &mut open, &mut documents);
    documents.retain(|document| !document.sentences.is_empty());
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu;

    fn span(start: u32, end: u32, kind: NameType) -> NameSpan {
        NameSpan { start, end, kind }
    }

    /// A word of a test sentence: form, UPOS, head and the `Entity=` value (empty: none).
    type Row<'a> = (&'a str, &'a str, u32, &'a str);

    /// One CoNLL-U sentence from rows; MISC is `Entity=…` or `_`.
    fn gum_sentence(rows: &[Row]) -> TreebankSentence {
        let mut text = String::from("# text = x\n");
        for (idx, (form, upos, head, entity)) in rows.iter().enumerate() {
            let misc = if entity.is_empty() { "_".to_owned() } else { format!("Entity={entity}") };
            text.push_str(&format!("{}\t{form}\t_\t{upos}\t_\t_\t{head}\tdep\t_\t{misc}\n", idx + 1));
        }
        conllu::parse(&(text + "\n")).unwrap().remove(0)
    }

    fn names_of(rows: &[Row]) -> Vec<NameSpan> {
        let is_country = |name: &str| name == "South Korea";
        gum_document("d", &[gum_sentence(rows)], &is_country).unwrap().sentences.remove(0).names
    }

    #[test]
    fn gum_names_are_cut_out_of_their_noun_phrases() {
        // Each row: (rows of the sentence, the names expected).
        let cases: Vec<(Vec<Row>, Vec<NameSpan>)> = vec![
            // Identity spelled by the words: "the University of Portsmouth" → the last three.
            (
                vec![
                    ("the", "DET", 2, "(1-organization-new-sssss-cf1-2-coref-University_of_Portsmouth"),
                    ("University", "PROPN", 0, ""),
                    ("of", "ADP", 4, ""),
                    ("Portsmouth", "PROPN", 2, "(2-place-new-sssss-cf1-1-sgl-Portsmouth)1)"),
                ],
                vec![span(1, 4, NameType::Organization)],
            ),
            // A person described around the name; the party inside is a name of its own.
            (
                vec![
                    ("camp", "NOUN", 3, "(1-person-new-sssss-cf1-1-coref"),
                    ("'s", "PART", 1, ""),
                    ("Cheng", "PROPN", 0, ""),
                    ("Chung", "PROPN", 3, ""),
                    ("-", "PUNCT", 6, ""),
                    ("tai", "PROPN", 4, ""),
                    ("of", "ADP", 9, ""),
                    ("Civic", "PROPN", 9, "(2-organization-new-sssss-cf1-1-sgl"),
                    ("Passion", "PROPN", 3, "2)1)"),
                ],
                vec![span(2, 6, NameType::Person), span(7, 9, NameType::Organization)],
            ),
            // A description with an identity but no proper noun gives no name.
            (
                vec![("Afghan", "ADJ", 2, "(1-organization-new-sssss-cf1-1-coref-Afghan_Girls_Robotics_Team"), ("team", "NOUN", 0, "1)")],
                vec![],
            ),
            // Not a person, organization or place.
            (vec![("Christmas", "PROPN", 0, "(1-time-new-sssss-cf1-1-sgl-Christmas)")], vec![]),
            // A country acting as an organization is typed from the gazetteer.
            (
                vec![
                    ("South", "PROPN", 2, "(1-organization-new-sssss-cf1-1-coref-South_Korea"),
                    ("Korea", "PROPN", 3, "1)"),
                    ("said", "VERB", 0, ""),
                ],
                vec![span(0, 2, NameType::Location)],
            ),
            // A proper-noun head without identity is named; "of" joins an organization's name.
            (
                vec![("Bank", "PROPN", 0, "(1-organization-new-sssss-cf1-1-coref"), ("of", "ADP", 3, ""), ("Avalon", "PROPN", 1, "1)")],
                vec![span(0, 3, NameType::Organization)],
            ),
        ];
        for (rows, expected) in cases {
            assert_eq!(names_of(&rows), expected, "{rows:?}");
        }
    }

    #[test]
    fn gum_errors_name_the_problem() {
        let sentence = gum_sentence(&[("A", "PROPN", 0, "(1-person-new-sssss-cf1-1-coref")]);
        let error = gum_document("d", &[sentence], &|_| false).unwrap_err();
        assert!(error.1.contains("never closed"), "{error:?}");
        let sentence = gum_sentence(&[("A", "PROPN", 0, "7)")]);
        assert!(gum_document("d", &[sentence], &|_| false).unwrap_err().1.contains("never opened"));
    }

    #[test]
    fn uner_tags_become_spans_and_documents() {
        let text = "# newdoc id = one\n# text = x\n1\tin\tO\t-\t-\n2\ttampa\tB-LOC\t-\t-\n3\tbay\tI-LOC\t-\t-\n4\tMary\tI-PER\t-\t-\n\n\
                    # newdoc id = two\n1\tAcme\tB-ORG\n2\tCorp\tI-ORG\n3\tJo\tB-PER\n";
        let documents = uner_documents(text).unwrap();
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].id, "one");
        assert_eq!(documents[0].sentences[0].forms, ["in", "tampa", "bay", "Mary"]);
        assert_eq!(documents[0].sentences[0].names, vec![span(1, 3, NameType::Location), span(3, 4, NameType::Person)]);
        assert_eq!(documents[1].sentences[0].names, vec![span(0, 2, NameType::Organization), span(2, 3, NameType::Person)]);
    }

    #[test]
    fn uner_errors_carry_the_line() {
        assert_eq!(uner_documents("1\tx\tB-MISC\n").unwrap_err().0, 1);
        assert!(uner_documents("\n1\tx\tZ-PER\n").unwrap_err().1.contains("Z-PER"));
        assert_eq!(uner_documents("# c\nnot a line\n").unwrap_err().0, 2);
    }
}
