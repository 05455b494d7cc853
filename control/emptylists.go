package control

import "reflect"

// emptyLists returns v with every nil slice inside it (in structs, maps,
// slices, behind pointers and interfaces) replaced by an empty one, so
// that every list of every answer is written as [] and never as null.
// Values without nil slices are returned as they are.
func emptyLists(v any) any {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	if !hasNilSlice(rv, 0) {
		return v
	}
	return filled(rv).Interface()
}

// maxDepth bounds the walk (answers are trees far shallower than this).
const maxDepth = 64

// hasNilSlice reports whether v holds a nil slice anywhere.
func hasNilSlice(v reflect.Value, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v.Type().Elem().Kind() != reflect.Uint8 // []byte is a base64 string
		}
		for i := 0; i < v.Len(); i++ {
			if hasNilSlice(v.Index(i), depth+1) {
				return true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if hasNilSlice(it.Value(), depth+1) {
				return true
			}
		}
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && hasNilSlice(v.Elem(), depth+1)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && hasNilSlice(v.Field(i), depth+1) {
				return true
			}
		}
	}
	return false
}

// filled returns a copy of v without nil slices.
func filled(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(filled(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), filled(it.Value()))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(filled(v.Elem()))
		return out
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(filled(v.Elem()))
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out.Field(i).Set(filled(v.Field(i)))
			}
		}
		return out
	}
	return v
}
