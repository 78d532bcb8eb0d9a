// GMime inside the mail layer (not part of its API): initialisation once per process and GObject ownership.
#pragma once

#include <gmime/gmime.h>
#include <memory>

namespace imsgate::mail {

// g_mime_init, once, from whichever thread gets here first.
void init_gmime();

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

}  // namespace imsgate::mail
