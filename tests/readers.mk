# The PDF, Word and zip readers (issue 17): fixtures made by the tests.
READERS_TESTS = tests/readers/docx.sh tests/readers/onereader.sh tests/readers/pdf.sh \
	tests/readers/zip.sh
TESTS += $(READERS_TESTS)
EXTRA_DIST += $(READERS_TESTS) tests/readers/readers-lib.sh tests/readers/mkdocx.py \
	tests/readers/mkpdf.py tests/readers/70-174.jsonl
