// Entities of a story: mentions of all its articles merged by name key, then short forms
// ("Starmer", "Keir") joined to the one full person name they fit, and spelling variants of a
// surname (edit distance 1 on names of 6+ letters, same first name: "Zelensky"/"Zelenskyy")
// joined. The canonical name is the most frequent full form; aliases are every other form and
// surface seen; types come from the mentions, a PERSON title winning over an untyped form.
#include <algorithm>
#include <numeric>
#include <set>

#include "align/align.h"

namespace crossread::align {

namespace {

bool WithinOneEdit(const std::string& a, const std::string& b) {
  if (a == b) return true;
  size_t la = a.size(), lb = b.size();
  if (la > lb + 1 || lb > la + 1) return false;
  size_t i = 0, j = 0, edits = 0;
  while (i < la && j < lb) {
    if (a[i] == b[j]) {
      ++i;
      ++j;
      continue;
    }
    if (++edits > 1) return false;
    if (la > lb) {
      ++i;
    } else if (lb > la) {
      ++j;
    } else {
      ++i;
      ++j;
    }
  }
  return edits + (la - i) + (lb - j) <= 1;
}

std::string LastWord(const std::string& s) {
  size_t sp = s.rfind(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}
std::string FirstWord(const std::string& s) { return s.substr(0, s.find(' ')); }

struct Group {
  std::map<std::string, int> names;  // name key → mentions
  std::set<std::string> surfaces;
  std::set<std::string> descriptions;
  std::map<std::string, int> types;     // type → mentions
  std::map<std::string, int> mentions;  // article → count
  int total = 0;
};

}  // namespace

const Entity* EntityTable::Find(const std::string& name) const {
  auto it = id_of.find(name);
  if (it == id_of.end()) return nullptr;
  for (const Entity& e : entities) {
    if (e.id == it->second) return &e;
  }
  return nullptr;
}

EntityTable AlignEntities(const Docs& docs) {
  // 1. Name keys and their statistics.
  std::map<std::string, Group> by_name;
  for (const analyze::Document* d : docs) {
    for (const analyze::Mention& m : d->mentions) {
      Group& g = by_name[m.name];
      ++g.names[m.name];
      g.surfaces.insert(m.surface);
      if (!m.description.empty()) g.descriptions.insert(m.description);
      ++g.types[m.type];
      ++g.mentions[d->article->id];
      ++g.total;
    }
  }
  std::vector<std::string> keys;
  for (const auto& [k, g] : by_name) keys.push_back(k);
  std::vector<size_t> parent(keys.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto is_person = [&](const std::string& k) { return by_name[k].types.count("PERSON") > 0; };
  auto is_placeorg = [&](const std::string& k) {
    const auto& t = by_name[k].types;
    return t.count("PLACE") || t.count("ORG");
  };
  // 2. Spelling variants of multi-word person names.
  for (size_t a = 0; a < keys.size(); ++a) {
    for (size_t b = a + 1; b < keys.size(); ++b) {
      const std::string &ka = keys[a], &kb = keys[b];
      if (!is_person(ka) || !is_person(kb)) continue;
      bool multi = ka.find(' ') != std::string::npos && kb.find(' ') != std::string::npos;
      bool same_first = FirstWord(ka) == FirstWord(kb);
      std::string la = LastWord(ka), lb = LastWord(kb);
      bool single = ka.find(' ') == std::string::npos && kb.find(' ') == std::string::npos;
      if ((multi && same_first && la.size() >= 6 && WithinOneEdit(la, lb)) ||
          (single && ka.size() >= 6 && WithinOneEdit(ka, kb))) {
        parent[find(b)] = find(a);
      }
    }
  }
  // 3. Short forms to the one full person name they fit (by last or first word, or a
  //    spelling variant of the last word).
  for (size_t a = 0; a < keys.size(); ++a) {
    const std::string& k = keys[a];
    if (k.find(' ') != std::string::npos || is_placeorg(k)) continue;
    std::set<size_t> fits;
    for (size_t b = 0; b < keys.size(); ++b) {
      const std::string& full = keys[b];
      if (full.find(' ') == std::string::npos || !is_person(full)) continue;
      std::string last = LastWord(full);
      if (last == k || FirstWord(full) == k || (k.size() >= 6 && WithinOneEdit(last, k))) {
        fits.insert(find(b));
      }
    }
    if (fits.size() == 1) parent[find(a)] = *fits.begin();
  }
  // 4. Build entities.
  std::map<size_t, Group> merged;
  for (size_t i = 0; i < keys.size(); ++i) {
    Group& dst = merged[find(i)];
    const Group& src = by_name[keys[i]];
    for (const auto& [n, c] : src.names) dst.names[n] += c;
    dst.surfaces.insert(src.surfaces.begin(), src.surfaces.end());
    dst.descriptions.insert(src.descriptions.begin(), src.descriptions.end());
    for (const auto& [t, c] : src.types) dst.types[t] += c;
    for (const auto& [a, c] : src.mentions) dst.mentions[a] += c;
    dst.total += src.total;
  }
  struct Built {
    Entity e;
    int total;
    size_t root;
  };
  std::vector<Built> built;
  for (auto& [root, g] : merged) {
    Entity e;
    // Canonical: the most frequent multi-word name, else the most frequent name.
    int best = -1;
    for (const auto& [n, c] : g.names) {
      int score = c + (n.find(' ') != std::string::npos ? 1000 : 0);
      if (score > best) {
        best = score;
        e.name = n;
      }
    }
    if (g.types.count("PERSON")) {
      e.type = "PERSON";
    } else {
      int tb = -1;
      for (const auto& [t, c] : g.types) {
        int score = c + (t != "OTHER" ? 1000 : 0);
        if (score > tb) {
          tb = score;
          e.type = t;
        }
      }
    }
    std::set<std::string> aliases;
    for (const auto& [n, c] : g.names) aliases.insert(n);
    aliases.insert(g.surfaces.begin(), g.surfaces.end());
    aliases.erase(e.name);
    e.aliases.assign(aliases.begin(), aliases.end());
    // A title that ends another one says less: "Prime Minister" beside "British Prime Minister".
    for (const std::string& d : g.descriptions) {
      bool shorter =
          std::any_of(g.descriptions.begin(), g.descriptions.end(), [&](const std::string& o) {
            return o.size() > d.size() && o.compare(o.size() - d.size(), d.size(), d) == 0 &&
                   o[o.size() - d.size() - 1] == ' ';
          });
      if (!shorter) e.descriptions.push_back(d);
    }
    e.mentions = g.mentions;
    // An untyped name seen in one article only is too weak to list.
    if (e.type == "OTHER" && g.mentions.size() < 2) continue;
    built.push_back({std::move(e), g.total, root});
  }
  std::stable_sort(built.begin(), built.end(), [](const Built& a, const Built& b) {
    if (a.e.mentions.size() != b.e.mentions.size())
      return a.e.mentions.size() > b.e.mentions.size();
    return a.total > b.total;
  });
  EntityTable table;
  std::map<size_t, std::string> id_of_root;
  for (size_t i = 0; i < built.size(); ++i) {
    built[i].e.id = "e" + std::to_string(i + 1);
    id_of_root[built[i].root] = built[i].e.id;
    table.entities.push_back(std::move(built[i].e));
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    auto it = id_of_root.find(find(i));
    if (it != id_of_root.end()) table.id_of[keys[i]] = it->second;
  }
  return table;
}

}  // namespace crossread::align
