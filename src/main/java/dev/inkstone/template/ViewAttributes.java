package dev.inkstone.template;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code page.title} and {@code i18n.toc} the way Pebble's own resolver does, for the two
 * kinds of value the themes read most: Inkstone's view records and maps. Pebble's resolver makes
 * a key object for every read, looks the member up in a shared map (where a map's keys, not
 * being members, are never remembered) and calls it by reflection; a page reads a few hundred
 * attributes. Here each class's answers are kept per name, and a member is called through a
 * method handle.
 *
 * <p>It answers only what it is sure of, with Pebble's result, and leaves the rest to Pebble
 * (by answering {@code null}): a name that is not a string, an attribute with arguments, a
 * missing key or member (Pebble's error then names it), and every other kind of value. Pebble
 * looks for a member named {@code x}, then a public field, then {@code getX}, {@code isX},
 * {@code hasX}; on a map a key is read only when the map has no such member ({@code m.size} is
 * the size), and so it is here.
 */
final class ViewAttributes implements AttributeResolver {
  /** A map's key, read as a key. */
  private static final Object KEY = new Object();
  /** Not answered here: left to Pebble. */
  private static final Object PEBBLE = new Object();

  private final ClassValue<Map<String, Object>> byClass = new ClassValue<>() {
    @Override
    protected Map<String, Object> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  @Override
  public ResolvedAttribute resolve(Object instance, Object attributeNameValue, Object[] argumentValues, ArgumentsNode args,
      EvaluationContextImpl context, String filename, int lineNumber) {
    if (instance == null || argumentValues != null || !(attributeNameValue instanceof String name)) {
      return null;
    }
    Class<?> type = instance.getClass();
    Map<String, Object> known = byClass.get(type);
    Object how = known.get(name);
    if (how == null) {
      how = how(type, name);
      known.put(name, how);
    }
    if (how == KEY) {
      Map<?, ?> map = (Map<?, ?>) instance;
      Object value = map.get(name);
      return value != null || map.containsKey(name) ? new ResolvedAttribute(value) : null;
    }
    if (how == PEBBLE) {
      return null;
    }
    try {
      return new ResolvedAttribute(((MethodHandle) how).invokeExact(instance));
    } catch (Throwable e) {
      // wrapped as a reflective call's is, for the same message
      throw new PebbleException(new InvocationTargetException(e), "Could not call " + name, lineNumber, filename);
    }
  }

  private static Object how(Class<?> type, String name) {
    if (name.isEmpty()) {
      return PEBBLE;
    }
    boolean view = type.isRecord() && Modifier.isPublic(type.getModifiers()) && type.getName().startsWith("dev.inkstone.");
    if (!view && !Map.class.isAssignableFrom(type)) {
      return PEBBLE;
    }
    Object member = member(type, name);
    if (member == null) {
      return view ? PEBBLE : KEY;
    }
    // a map's own method, a field, or a method of Object or Record: Pebble's checks apply
    if (!view || !(member instanceof Method method) || method.getDeclaringClass() != type) {
      return PEBBLE;
    }
    try {
      return MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(Object.class, Object.class));
    } catch (IllegalAccessException e) {
      return PEBBLE;
    }
  }

  /** What Pebble would read for {@code name}, in its order: a {@link Method}, a {@link Field}, or null. */
  private static Object member(Class<?> type, String name) {
    Method method = method(type, name);
    if (method != null) {
      return method;
    }
    try {
      return type.getField(name);
    } catch (NoSuchFieldException | SecurityException e) {
      // no public field of that name: Pebble tries the getters next
    }
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String prefix : new String[] {"get", "is", "has"}) {
      method = method(type, prefix + capitalized);
      if (method != null) {
        return method;
      }
    }
    return null;
  }

  private static Method method(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0) {
        return m;
      }
    }
    return null;
  }
}
