"""The tokenizer of rules that need no tags tokenizes as the bundled pipeline does, and is that
pipeline's own once it is loaded (no second English tokenizer to build)."""

from answerlint.nlpprovider import NlpProvider

TEXT = "I e-mailed? No: I sent E-mails and an e-mail (can't wait), then checked my email."


def words(doc):
    return [(t.text, t.idx) for t in doc]


def test_blank_keeps_the_whole_words_of_the_bundled_pipeline():
    alone = NlpProvider()
    tokens = words(alone.tokenizer(TEXT))
    assert ("E-mails", 23) in tokens and ("e-mail", 38) in tokens and ("mailed", 4) in tokens
    assert alone._full is None  # tokenizing needs no pipeline
    assert tokens == words(NlpProvider().full().tokenizer(TEXT))


def test_blank_is_the_loaded_bundled_pipeline():
    provider = NlpProvider()
    nlp = provider.full()
    assert provider.blank() is nlp
    assert words(provider.tokenizer(TEXT)) == words(nlp.tokenizer(TEXT))


def test_another_pipeline_gets_its_own_blank(tmp_path):
    provider = NlpProvider(model=str(tmp_path / "elsewhere"))
    assert provider.blank() is not None and provider._full is None


def test_each_item_is_tokenized_once():
    from answerlint.analysis import Analysis
    from answerlint.readers import read_source

    bank = read_source("bank.txt", b"I sent the e-mail in May.\n\nHOW MUCH WILL I EARN HERE?\n")
    provider = NlpProvider()
    provider.full()
    analysis = Analysis(bank, provider)
    normal, shouting = bank.items
    tokens = analysis.tokens(normal)
    assert analysis.tagged(normal) is tokens and tokens[3].tag_ == "NN"  # tagged in place
    analysis.tokens(shouting)
    assert analysis.tagged(shouting) is not analysis.tokens(shouting)  # the tagger reads "How much will I..."
    assert analysis.tagged(shouting).text == "How much will I earn here?"
    later = Analysis(bank, provider)
    later.prefetch([normal])
    assert later.tokens(normal) is later.tagged(normal)  # tagged first: its tokens are reused


def test_no_sharing_with_another_pipelines_tokenizer():
    provider = NlpProvider()
    provider.blank()  # built before the pipeline: a tokenizer of its own
    provider.full()
    assert not provider.shares_tokenizer
