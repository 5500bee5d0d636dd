package dev.vecl;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

@TruffleLanguage.Registration(id = VeclLanguage.ID, name = "VecL", defaultMimeType = VeclLanguage.MIME,
        characterMimeTypes = VeclLanguage.MIME, fileTypeDetectors = {}, version = "0.1.0")
public final class VeclLanguage extends TruffleLanguage<Object> {
    public static final String ID = "vecl";
    public static final String MIME = "application/x-vecl";

    @Override
    protected Object createContext(Env env) {
        return new Object();
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        return new RootNode(this) {
            @Override
            public Object execute(VirtualFrame frame) {
                return 42L;
            }
        }.getCallTarget();
    }
}
