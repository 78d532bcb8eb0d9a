// Boost.URL's compiled part, built header-only here so that no libboost-url package is needed; in a file of
// its own so that editing the web code never recompiles it.
#include <boost/url/src.hpp>
