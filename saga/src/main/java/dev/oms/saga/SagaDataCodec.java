package dev.oms.saga;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;

/** How a saga's data is stored with its instance. */
public interface SagaDataCodec<D> {
    byte[] encode(D data);

    D decode(byte[] bytes);

    static <D extends Message> SagaDataCodec<D> protobuf(Parser<D> parser) {
        return new SagaDataCodec<>() {
            @Override
            public byte[] encode(D data) {
                return data.toByteArray();
            }

            @Override
            public D decode(byte[] bytes) {
                try {
                    return parser.parseFrom(bytes);
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException("unreadable saga data", e);
                }
            }
        };
    }
}
