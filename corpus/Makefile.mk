# The sample corpus, installed so that resdexd has something to index by default.
corpusdir = $(pkgdatadir)/corpus
dist_corpus_DATA = corpus/ecosoc-2017-19.txt corpus/E-2017-30-chapter-I.txt \
	corpus/cnd-55-12.txt corpus/ecosoc-2023-24.txt corpus/ecosoc-2021-23.txt
