# Tests of the akn area.
