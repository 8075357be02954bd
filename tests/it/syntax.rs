//! The syntax layer end to end: the built-in model's scores on the shared treebanks (thresholds
//! that only go up), `parse` on articles and on CoNLL-U, training on a small treebank, the
//! transition system against gold trees, and trees for any input.

use crate::support::{root, run_in, run_ok};
use newsgraph::syntax::conllu::{self, TreebankSentence};
use newsgraph::syntax::transition::{oracle_moves, projectivize, GoldTree, State};
use newsgraph::syntax::{SentenceParse, SyntaxModel, SyntaxScratch};
use proptest::prelude::*;
use std::path::PathBuf;

fn corpora() -> PathBuf {
    let dir = root().join("../shared/corpora");
    assert!(dir.is_dir(), "{} is missing: the shared corpora must sit beside the checkout", dir.display());
    dir
}

fn ewt(split: &str) -> PathBuf {
    corpora().join(format!("ud-english-ewt/en_ewt-ud-{split}.conllu"))
}

/// `(UPOS, UAS, LAS)` printed by `eval --treebank --json`.
fn treebank_scores(path: &std::path::Path, raw: bool) -> serde_json::Value {
    let path = path.display().to_string();
    let mut args = vec!["eval", "--treebank", &path, "--json"];
    if raw {
        args.push("--raw");
    }
    serde_json::from_str(&run_ok(&root(), &args)).expect("eval prints JSON")
}

fn ratio(scores: &serde_json::Value, field: &str) -> f64 {
    let gold = &scores["gold_tokens"];
    gold[field].as_f64().unwrap() / gold["words"].as_f64().unwrap()
}

#[test]
fn ewt_test_scores_stay_above_their_thresholds() {
    let scores = treebank_scores(&ewt("test"), true);
    let (upos, uas, las) = (ratio(&scores, "upos"), ratio(&scores, "uas"), ratio(&scores, "las"));
    eprintln!("EWT test: UPOS {upos:.4} UAS {uas:.4} LAS {las:.4}");
    assert!(upos >= 0.954, "UPOS {upos:.4}");
    assert!(uas >= 0.86, "UAS {uas:.4}");
    assert!(las >= 0.83, "LAS {las:.4}");
    let raw = &scores["raw"];
    let word_f1 =
        2.0 * raw["matched_words"].as_f64().unwrap() / (raw["gold_words"].as_f64().unwrap() + raw["predicted_words"].as_f64().unwrap());
    assert!(word_f1 >= 0.98, "raw word F1 {word_f1:.4}");
}

#[test]
fn gum_test_documents_parse_as_well_as_ewt() {
    let gum = corpora().join("gum");
    let splits = std::fs::read_to_string(gum.join("splits.md")).unwrap();
    let test_section = splits.split("## test\n").nth(1).unwrap().split("## ").next().unwrap();
    let mut sentences: Vec<TreebankSentence> = Vec::new();
    for name in test_section.lines().filter_map(|line| line.trim().strip_prefix("* ")) {
        let path = gum.join(format!("{name}.conllu"));
        if path.exists() {
            sentences.extend(conllu::read_file(&path).unwrap());
        }
    }
    assert!(sentences.len() > 300, "GUM's test documents are present");
    let scores = newsgraph::syntax::score::score_on_gold_tokens(SyntaxModel::builtin(), &sentences);
    let (upos, las) = (scores.ratio(scores.upos), scores.ratio(scores.las));
    eprintln!("GUM test: UPOS {upos:.4} UAS {:.4} LAS {las:.4}", scores.ratio(scores.uas));
    assert!(upos >= 0.96 && las >= 0.808, "UPOS {upos:.4} LAS {las:.4}");
}

/// News names people with a demonym and a title in front ("Kenyan President William Ruto");
/// the model learns such chains from training copies (`syntax::augment`). Invented sentences,
/// annotated by hand: the demonym is a modifier of the title, the name the argument.
#[test]
fn title_chains_before_names_parse_as_news_needs() {
    let scores = treebank_scores(std::path::Path::new("tests/fixtures/syntax/title_chains.conllu"), false);
    let (upos, uas, las) = (ratio(&scores, "upos"), ratio(&scores, "uas"), ratio(&scores, "las"));
    eprintln!("title chains: UPOS {upos:.4} UAS {uas:.4} LAS {las:.4}");
    assert!(uas >= 0.84 && las >= 0.84, "UAS {uas:.4} LAS {las:.4}");
}

#[test]
fn parse_keeps_the_words_of_conllu_input() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("dev.conllu");
    let dev = ewt("dev");
    run_ok(&root(), &["parse", &dev.display().to_string(), "-o", &output.display().to_string()]);
    let gold = conllu::read_file(&dev).unwrap();
    let parsed = conllu::read_file(&output).unwrap();
    assert_eq!(gold.len(), parsed.len());
    for (gold, parsed) in gold.iter().zip(&parsed) {
        assert_eq!(gold.comments, parsed.comments);
        assert_eq!(gold.multiword, parsed.multiword);
        let forms = |sentence: &TreebankSentence| sentence.words.iter().map(|word| word.form.clone()).collect::<Vec<_>>();
        assert_eq!(forms(gold), forms(parsed));
        assert_eq!(parsed.words.iter().filter(|word| word.head == Some(0)).count(), 1, "one root in {:?}", gold.comment("sent_id"));
    }
}

/// A sentence of our own, parsed from an article file: CoNLL-U with offsets into the text.
#[test]
fn parse_of_an_article_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Kenyan President William Ruto met the U.N. envoy in Nairobi on Monday, and they didn't sign the deal.\n";
    std::fs::write(dir.path().join("article.txt"), text).unwrap();
    let conllu = run_ok(dir.path(), &["parse", "article.txt"]);
    insta::assert_snapshot!("parsed_news_sentence", conllu);
    let sentences = conllu::parse(&conllu).unwrap();
    for word in &sentences[0].words {
        let range = word.misc.split('|').find_map(|attribute| attribute.strip_prefix("TokenRange=")).unwrap();
        let (start, end) = range.split_once(':').unwrap();
        let chars: String =
            text.chars().skip(start.parse().unwrap()).take(end.parse::<usize>().unwrap() - start.parse::<usize>().unwrap()).collect();
        assert_eq!(chars, word.form, "TokenRange points at the word");
    }
}

#[test]
fn bad_conllu_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.conllu"), "# text = a\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\n").unwrap();
    let output = run_in(dir.path(), &["parse", "bad.conllu"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.conllu:3: expected 10 tab-separated columns, found 3"), "{stderr}");
}

/// The static oracle read off the dynamic one rebuilds every projective gold tree of EWT dev.
#[test]
fn oracle_rebuilds_the_projective_trees_of_ewt_dev() {
    let sentences = conllu::read_file(&ewt("dev")).unwrap();
    let (mut checked, mut lifted) = (0, 0);
    for sentence in &sentences {
        let n = sentence.words.len() as u32;
        let heads: Vec<u32> = sentence.words.iter().map(|word| word.head.map_or(n, |head| if head == 0 { n } else { head - 1 })).collect();
        let labels: Vec<u16> = sentence.words.iter().map(|word| u16::from(word.head == Some(0)) ^ 1).collect();
        let mut projective = heads.clone();
        projectivize(&mut projective);
        if projective != heads {
            lifted += 1;
        }
        let gold = GoldTree::new(projective.clone(), labels.clone());
        let mut state = State::default();
        state.reset(heads.len());
        for mv in oracle_moves(&gold, 0) {
            state.apply(mv);
        }
        assert_eq!(&state.heads[..heads.len()], &projective[..], "{:?}", sentence.comment("sent_id"));
        assert_eq!(&state.labels[..heads.len()], &labels[..]);
        checked += 1;
    }
    assert_eq!(checked, sentences.len());
    assert!(lifted > 0 && lifted * 10 < checked, "{lifted} of {checked} trees needed lifting");
}

/// Training end to end on 300 sentences: seconds, the same bytes twice, and a model that has
/// learnt its training data.
#[test]
fn training_on_a_small_treebank_is_deterministic() {
    let sentences: Vec<TreebankSentence> = conllu::read_file(&ewt("dev")).unwrap().into_iter().take(300).collect();
    let mut options = newsgraph::syntax::train::TrainingOptions { jackknife: 2, ..Default::default() };
    options.tagger.iterations = 3;
    options.tagger.prune = 0.0;
    options.parser.prune = 0.0;
    options.parser.iterations = 3;
    options.parser.members = 2;
    let first = newsgraph::syntax::train::train(&sentences, &options, &mut |_| {}).unwrap();
    let second = newsgraph::syntax::train::train(&sentences, &options, &mut |_| {}).unwrap();
    assert_eq!(first.to_bytes(), second.to_bytes(), "training is deterministic");
    let scores = newsgraph::syntax::score::score_on_gold_tokens(&first, &sentences);
    assert!(scores.ratio(scores.upos) > 0.9 && scores.ratio(scores.uas) > 0.7, "{scores:?}");
    let back = SyntaxModel::from_bytes(&first.to_bytes()).unwrap();
    assert_eq!(newsgraph::syntax::score::score_on_gold_tokens(&back, &sentences), scores, "the file gives the same model");
}

#[test]
fn model_files_that_are_not_models_are_refused() {
    assert!(SyntaxModel::from_bytes(b"").unwrap_err().contains("magic"));
    assert!(SyntaxModel::from_bytes(b"NGSYNTAX\x63\x00\x00\x00").unwrap_err().contains("format 99"));
    let mut bytes = SyntaxModel::builtin().to_bytes();
    bytes.truncate(bytes.len() / 2);
    assert!(SyntaxModel::from_bytes(&bytes).unwrap_err().contains("corrupt"));
}

/// One root, no cycles, every word attached.
fn assert_tree(parse: &SentenceParse, n: usize) {
    assert_eq!(parse.heads.len(), n);
    assert_eq!(parse.heads.iter().filter(|head| head.is_none()).count(), usize::from(n > 0));
    for start in 0..n {
        let (mut word, mut steps) = (start as u32, 0);
        while let Some(head) = parse.heads[word as usize] {
            assert!((head as usize) < n && head != word);
            word = head;
            steps += 1;
            assert!(steps <= n, "a cycle through word {start}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_word_sequence_gets_a_tree(words in prop::collection::vec("[A-Za-z]{1,8}|[.,;:!?'\"()-]|[0-9]{1,4}|\\PC{1,3}", 0..120)) {
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut parse = SentenceParse::default();
        SyntaxModel::builtin().analyze(&forms, &mut SyntaxScratch::default(), &mut parse);
        assert_tree(&parse, forms.len());
    }
}

#[test]
fn a_thousand_words_get_a_tree() {
    let forms: Vec<&str> = "the minister said that the council met and".split(' ').cycle().take(1000).collect();
    let mut parse = SentenceParse::default();
    SyntaxModel::builtin().analyze(&forms, &mut SyntaxScratch::default(), &mut parse);
    assert_tree(&parse, 1000);
}
