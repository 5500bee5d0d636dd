package dev.vecl.ast;

import java.util.List;

import com.oracle.truffle.api.source.Source;

/** A parsed source file. */
public record Module(Source source, List<Stmt> body) {
}
