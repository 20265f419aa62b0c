package com.payhub.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Why {@code CryptoProviders} translates keys once: ACCP given the JDK's key object imports it on
 * every {@code initSign}; given its own key object it does not. Bare SHA256withRSA, same key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccpKeyBenchmark {

  private final byte[] message =
      AlipayBenchmark.precreate().toString().getBytes(StandardCharsets.UTF_8);
  private Provider accp;
  private PrivateKey jdkKey;
  private PrivateKey accpKey;

  @Setup
  public void setUp() throws Exception {
    accp = AmazonCorrettoCryptoProvider.INSTANCE;
    AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
    KeyPair pair = BenchKeys.rsa2048();
    jdkKey = pair.getPrivate();
    accpKey = (PrivateKey) KeyFactory.getInstance("RSA", accp).translateKey(jdkKey);
  }

  @Benchmark
  public byte[] jdkProviderJdkKey() throws Exception {
    return sign(Signature.getInstance("SHA256withRSA", "SunRsaSign"), jdkKey);
  }

  @Benchmark
  public byte[] accpProviderJdkKey() throws Exception {
    return sign(Signature.getInstance("SHA256withRSA", accp), jdkKey);
  }

  @Benchmark
  public byte[] accpProviderAccpKey() throws Exception {
    return sign(Signature.getInstance("SHA256withRSA", accp), accpKey);
  }

  private byte[] sign(Signature s, PrivateKey key) throws Exception {
    s.initSign(key);
    s.update(message);
    return s.sign();
  }
}
