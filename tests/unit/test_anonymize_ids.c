#include "test.h"
int main(void) { CHECK(1, "x"); return test_done(); }
