#include "anon_fixture.h"
int main(void) {
        if (!engine_open())
                return 1;
        anon_engine_free(eng);
        return test_done();
}
