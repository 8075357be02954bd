//! CoNLL-U for `parse` and `eval --treebank`: read, re-annotate with the built-in model (every
//! parse must be a tree), write, read back the same sentences, and score against the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::syntax::{conllu, parse, score, SyntaxModel};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(gold) = conllu::parse(text) else { return };
    let model = SyntaxModel::builtin();
    let mut sentences = gold.clone();
    parse::annotate_treebank(model, &mut sentences);
    let mut out = String::new();
    for sentence in &sentences {
        assert_eq!(sentence.words.iter().filter(|word| word.head == Some(0)).count(), 1, "one root");
        conllu::write_sentence(sentence, &mut out);
    }
    let back = conllu::parse(&out).expect("what parse writes reads back");
    assert_eq!(back.len(), sentences.len());
    for (written, read) in sentences.iter().zip(&back) {
        let forms = |s: &conllu::TreebankSentence| s.words.iter().map(|w| w.form.clone()).collect::<Vec<_>>();
        assert_eq!(forms(written), forms(read));
    }
    score::score_on_gold_tokens(model, &gold);
    let resources = newsgraph::resources::Resources::builtin().expect("built-in data");
    score::score_raw(&resources.lexicon, &gold);
});
