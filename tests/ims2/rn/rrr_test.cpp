#include <gtest/gtest.h>

#include "arr_test_support.hpp"
