#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace quiz::net
{

/// One named member of a message: the single place its JSON name is written. A message type
/// lists its fields once (`static constexpr auto fields()`), and encoding, decoding and
/// comparison all walk that list.
template <typename T, typename M> struct Field
{
    const char* name;
    M T::*member;
};

template <typename T, typename M> constexpr Field<T, M> field(const char* name, M T::*member)
{
    return {name, member};
}

/// True for types with a field list.
template <typename T, typename = void> struct HasFields : std::false_type
{
};
template <typename T> struct HasFields<T, std::void_t<decltype(T::fields())>> : std::true_type
{
};

/// Calls `visit(field)` for every field of T, in order.
template <typename T, typename Visit> constexpr void forEachField(Visit&& visit)
{
    std::apply([&visit](const auto&... each) { (visit(each), ...); }, T::fields());
}

/// Equality that follows the field list, so a new field can never be left out of it.
template <typename T, std::enable_if_t<HasFields<T>::value, int> = 0>
bool operator==(const T& a, const T& b)
{
    bool same = true;
    forEachField<T>([&](const auto& f) { same = same && a.*(f.member) == b.*(f.member); });
    return same;
}

template <typename T, std::enable_if_t<HasFields<T>::value, int> = 0>
bool operator!=(const T& a, const T& b)
{
    return !(a == b);
}

} // namespace quiz::net
